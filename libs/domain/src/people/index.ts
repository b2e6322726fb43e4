export * from './principals';
