export * from './rules.js';
export * from './spam.js';
