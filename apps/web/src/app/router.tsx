import type { ComponentType } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { meQuery } from '../auth/queries';
import NotFoundPage, { PageError } from '../common/PageError';
import { planQueries } from '../plans/queries';
import { pages } from './pages';
import { queryClient } from './providers';

/**
 * Loaders start a page's reads without waiting for them (the page shows its own loading and errors): the requests
 * go out while the page's code is still downloading, instead of after it.
 */
function prefetch(start: () => Promise<unknown>[]): null {
  void Promise.allSettled(start());
  return null;
}

/** Each page is its own chunk (pages.ts): the first visit loads the shell and the page it opens, nothing more. */
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: async () => ({ Component: (await pages.login()).default }),
  },
  // Opened from an invitation or a reset e-mail, and "forgot password": public, like signing in.
  { path: '/password', lazy: async () => ({ Component: (await pages.setPassword()).default }) },
  { path: '/password/forgot', lazy: async () => ({ Component: (await pages.forgotPassword()).default }) },
  {
    path: '/',
    loader: () => prefetch(() => [queryClient.prefetchQuery(meQuery())]),
    lazy: async () => ({ Component: (await pages.shell()).default }),
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: async () => ({ Component: (await pages.home()).default }) },
      // The plans list e-mails link to (a reminder's "all your plans", of one campaign): the home's list.
      { path: 'plans', lazy: async () => ({ Component: (await pages.home()).default }) },
      {
        path: 'plans/:id',
        loader: ({ params }) => {
          const id = params.id ?? '';
          return prefetch(() => [
            queryClient.prefetchQuery(planQueries.plan(id)),
            queryClient.prefetchQuery(planQueries.form(id)),
            queryClient.prefetchQuery(planQueries.draft(id)),
          ]);
        },
        lazy: async () => ({ Component: (await pages.plan()).default }),
      },
      { path: 'account/password', lazy: async () => ({ Component: (await pages.changePassword()).default }) },
      page('queue', pages.queue),
      page('meetings', pages.meetings),
      page('meetings/:id', pages.meeting),
      page('meetings/:id/room', pages.meetingRoom),
      page('campaigns', pages.campaigns),
      page('campaigns/new', pages.newCampaign),
      page('campaigns/:id', pages.campaign),
      page('board', pages.board),
      page('extensions', pages.extensionRequests),
      page('calendar', pages.calendar),
      page('province', pages.province),
      {
        path: 'district',
        lazy: async () => ({ Component: (await pages.district()).default }),
        children: [
          { index: true, element: <Navigate to="/district/schools" replace /> },
          page('schools', pages.schools),
          page('clusters', pages.clusters),
          page('people', pages.people),
          page('people/:id', pages.person),
          page('import', pages.districtImport),
          page('delegations', pages.delegations),
          page('sign-ins', pages.signIns),
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

/** A route whose page is a chunk of its own (pages.ts). */
function page(path: string, load: () => Promise<{ default: ComponentType }>) {
  return { path, lazy: async () => ({ Component: (await load()).default }) };
}

function RouteError() {
  return <PageError error={undefined} onRetry={() => window.location.reload()} />;
}
