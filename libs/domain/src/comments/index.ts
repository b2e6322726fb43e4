export * from './comment-threads';
export * from './comment.schemas';
export * from './comment-views';
export * from './comments.service';
export * from './comments.module';
