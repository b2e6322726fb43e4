export * from './policy';
export * from './recipients';
export * from './reminders.service';
