export * from './factors.js';
export * from './questions.js';
export * from './model.js';
export * from './pledges.js';
export * from './tally.js';
