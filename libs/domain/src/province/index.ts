export * from './district-read-access';
export * from './province-seed';
export * from './province.module';
export * from './province.service';
