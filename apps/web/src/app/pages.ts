/**
 * The app's pages, each a chunk of its own, and which page an address opens. Kept apart from the router (and small)
 * so that the entry can start loading the page it will show, and its first reads, before the router has even
 * downloaded: the page's code then arrives with React and Ant Design rather than after them.
 */
export const pages = {
  login: () => import('../auth/LoginPage'),
  setPassword: () => import('../auth/SetPasswordPage'),
  forgotPassword: () => import('../auth/ForgotPasswordPage'),
  shell: () => import('./AppShell'),
  home: () => import('../home/HomePage'),
  plan: () => import('../plans/PlanPage'),
  changePassword: () => import('../auth/ChangePasswordPage'),
  // reviewers
  queue: () => import('../review/QueuePage'),
  meetings: () => import('../meetings/MeetingsPage'),
  meeting: () => import('../meetings/MeetingPage'),
  meetingRoom: () => import('../meetings/MeetingRoomPage'),
  // the office
  campaigns: () => import('../campaigns/CampaignsPage'),
  newCampaign: () => import('../campaigns/NewCampaignPage'),
  campaign: () => import('../campaigns/CampaignPage'),
  board: () => import('../board/BoardPage'),
  extensionRequests: () => import('../extension-requests/ExtensionRequestsPage'),
  calendar: () => import('../calendar/CalendarPage'),
  district: () => import('../district/DistrictLayout'),
  schools: () => import('../district/SchoolsPage'),
  clusters: () => import('../district/ClustersPage'),
  people: () => import('../district/PeoplePage'),
  person: () => import('../district/PersonPage'),
  districtImport: () => import('../district/ImportPage'),
  delegations: () => import('../district/DelegationsPage'),
  signIns: () => import('../district/SignInsPage'),
  // the province department (Sở GD&ĐT)
  province: () => import('../province/ProvincePage'),
};

export type PageAt =
  | { page: 'login' }
  | { page: 'setPassword' }
  | { page: 'forgotPassword' }
  | { page: 'home' }
  | { page: 'plan'; planId: string }
  | { page: 'other' };

const PLAN = /^\/plans\/([^/]+)\/?$/;

/** The page the router will show at this path (router.tsx has the same routes). */
export function pageAt(pathname: string): PageAt {
  if (pathname === '/login' || pathname.startsWith('/login/')) return { page: 'login' };
  if (pathname === '/password') return { page: 'setPassword' };
  if (pathname === '/password/forgot') return { page: 'forgotPassword' };
  if (pathname === '/' || pathname === '/plans' || pathname === '/plans/') return { page: 'home' };
  const plan = PLAN.exec(pathname);
  if (plan) return { page: 'plan', planId: plan[1] };
  return { page: 'other' };
}

/** Starts downloading the code of the page at this path (the router's own loading then finds it under way). */
export function preloadPageAt(pathname: string): void {
  const at = pageAt(pathname);
  const wanted =
    at.page === 'login'
      ? [pages.login]
      : at.page === 'setPassword'
        ? [pages.setPassword]
        : at.page === 'forgotPassword'
          ? [pages.forgotPassword]
          : at.page === 'home'
            ? [pages.shell, pages.home]
            : at.page === 'plan'
              ? [pages.shell, pages.plan]
              : [pages.shell];
  // A chunk that fails to load here fails again in the router, which shows the error.
  for (const load of wanted) load().catch(() => undefined);
}
