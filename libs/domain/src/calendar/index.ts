export * from './calendar.service';
export * from './reminder-hour';
export * from './working-calendar';
