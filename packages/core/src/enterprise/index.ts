export * from './grants.js';
export * from './register.js';
export * from './youth.js';
export * from './cluster.js';
