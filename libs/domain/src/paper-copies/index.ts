export * from './paper-copies.module';
export * from './paper-copies.service';
