export * from './mail.constants';
export * from './mail-attachments';
export * from './mail.module';
export * from './mail-queue.service';
export * from './mail-sender.service';
export * from './mail-transport.service';
export * from './templates';
