export * from './errors';
export * from './failures';
export * from './format';
export * from './links';
