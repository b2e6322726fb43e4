export * from './consolidation.module';
export * from './consolidation.service';
export * from './rollup';
export * from './phase-figures';
