export * from './content';
export * from './diff';
export * from './draft.schema';
export * from './draft-changes';
export * from './plan-content.service';
export * from './plan-drafts.service';
export { type ParsedTarget, parseTargetText } from './target-text';
export * from './validation';
