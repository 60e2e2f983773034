export * from './farming.js';
export * from './deliveries.js';
