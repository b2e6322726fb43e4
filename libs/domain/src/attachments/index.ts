export * from './attachment-content';
export * from './attachments';
