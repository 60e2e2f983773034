export * from './lists.js';
export * from './registration.js';
export * from './metrics.js';
export * from './offers.js';
