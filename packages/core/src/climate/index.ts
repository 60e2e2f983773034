export * from './ledger.js';
export * from './factors.js';
export * from './lines.js';
export * from './report.js';
export * from './energy.js';
