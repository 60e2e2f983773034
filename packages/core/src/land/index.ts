export * from './ranking.js';
export * from './plots.js';
