export * from './asset.ts';
export * from './diagnostic.ts';
export * from './evidence.ts';
export * from './finding.ts';
export * from './ids.ts';
export * from './inventory.ts';
export * from './relationship.ts';
