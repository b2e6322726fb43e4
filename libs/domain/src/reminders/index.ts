export * from './policy';
export * from './reminders.service';
export * from './reminders.module';
export * from './preview';
