export * from './access/index.js';
export * from './apprenticeships/index.js';
export * from './certification/index.js';
export * from './foodwaste/index.js';
export * from './geo/index.js';
export * from './import/index.js';
export * from './organisations/index.js';
export * from './program/index.js';
