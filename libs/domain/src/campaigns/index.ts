export * from './campaign.schemas';
export * from './campaign-changes.service';
export * from './campaign-targets';
export * from './campaign-issuing.service';
export * from './campaign-steps.service';
export * from './campaign-queries.service';
export * from './campaigns.module';
export * from './campaign-form.service';
