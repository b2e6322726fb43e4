export * from './email-schemas';
export * from './emails.service';
