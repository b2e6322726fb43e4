export * from './phase.schemas';
export * from './phase-results';
export * from './phases.module';
export * from './phases.service';
