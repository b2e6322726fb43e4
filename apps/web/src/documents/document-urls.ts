// The API's document routes: plain links, so the browser downloads with the session cookie (GET needs no CSRF token).
export const directiveUrl = (campaignId: string) => `/api/campaigns/${campaignId}/documents/directive.docx`;
export const reportUrl = (campaignId: string, format: 'xlsx' | 'docx') =>
  `/api/campaigns/${campaignId}/documents/report.${format}`;
export const approvalUrl = (planId: string, format: 'docx' | 'pdf') =>
  `/api/plans/${planId}/documents/approval.${format}`;
