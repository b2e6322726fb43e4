export * from './policy';
export * from './reminders.service';
