export * from './import-columns';
export * from './import-plan';
export * from './import-template';
export * from './import.schemas';
export * from './people-import.service';
export * from './xlsx-file';
