/**
 * The pages a person opens from an e-mail, on PUBLIC_URL: a plan, a campaign, a review meeting, the overdue board,
 * the page that sets a password.
 * Never the JSON API, which a person clicking a link cannot open (it answers 401 without a token). Every template
 * gets its links from here, so the browser app's routes and the e-mails cannot drift apart.
 */
export function pageLinks(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    plan: (planId: string) => `${base}/plans/${planId}`,
    /** a person's list of plans, of one campaign or of all */
    plans: (filter: { campaignId?: string } = {}) =>
      `${base}/plans${filter.campaignId ? `?campaignId=${encodeURIComponent(filter.campaignId)}` : ''}`,
    campaign: (campaignId: string) => `${base}/campaigns/${campaignId}`,
    /** where a person sets a password from an invitation or a reset link (the token is single-use) */
    setPassword: (token: string) => `${base}/password?token=${encodeURIComponent(token)}`,
    /** where a person asks for a reset link */
    forgotPassword: () => `${base}/password/forgot`,
    meeting: (meetingId: string) => `${base}/meetings/${meetingId}`,
    board: (filter: { campaignId?: string; overdue?: boolean } = {}) => {
      const query = new URLSearchParams();
      if (filter.campaignId) query.set('campaignId', filter.campaignId);
      if (filter.overdue) query.set('overdue', 'true');
      const q = query.toString();
      return `${base}/board${q ? `?${q}` : ''}`;
    },
  };
}
