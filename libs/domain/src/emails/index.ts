export * from './email-schemas';
export * from './emails.service';
export * from './emails.module';
