export * from './figure';
export * from './plausibility';
export * from './workflow';
export * from './cells';
export * from './changes';
export * from './grid';
export * from './completeness';
export * from './schemas';
