export * from './calendar.service';
export * from './reminder-hour';
export * from './working-calendar';
export * from './clock.service';
export * from './deadline-warnings';
export * from './calendar.module';
