export * from './unsafe-text';
export * from './validation-messages';
export * from './numbers';
export * from './instant';
