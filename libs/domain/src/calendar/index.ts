export * from './calendar.service';
export * from './working-calendar';
