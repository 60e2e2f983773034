export * from './rules.js';
export * from './snapshot.js';
export * from './trend.js';
