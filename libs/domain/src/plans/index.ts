export * from './access';
export * from './plan-mails';
export * from './plan-move-effects.service';
