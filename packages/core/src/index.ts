export * from './plan';
export * from './parse';
export * from './assess';
export * from './issues';
export * from './csv';
export * from './values-csv';
export * from './evaluation';
export * from './values';
