export { planWorkflow } from './plan.workflow';
export { campaignWorkflow } from './campaign.workflow';
export { districtRemindersWorkflow } from './reminders.workflow';
