export * from './content';
export * from './diff';
export * from './plan-content.service';
export { type ParsedTarget, parseTargetText } from './target-text';
export * from './validation';
