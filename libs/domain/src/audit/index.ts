export * from './audit-events';
export * from './audit-log';
export * from './describe';
