export * from './paper-copies.module';
export * from './paper-copies.service';
export * from './paper-copies-owed';
