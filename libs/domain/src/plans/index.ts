export * from './access';
export * from './plan-mails';
export * from './plan-move-effects.service';
export * from './plan-access.service';
export * from './plan-extensions.service';
export * from './plan-moves.service';
export * from './plans.module';
export * from './plans.service';
