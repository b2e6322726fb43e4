export * from './accounts.service';
export * from './principals';
export * from './district-file.schema';
export * from './district-import';
