export * from './directory.js';
export * from './market.js';
export * from './photo.js';
