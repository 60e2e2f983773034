export * from './normalise.js';
export * from './similarity.js';
export * from './matching.js';
export * from './evaluation.js';
export * from './policy.js';
export * from './rows.js';
