export * from './attachment-content';
export * from './attachments';
export * from './attachments.module';
export * from './plan-attachments.service';
