export * from './consolidation.module';
export * from './consolidation.service';
export * from './rollup';
