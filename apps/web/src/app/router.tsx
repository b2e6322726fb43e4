import { createBrowserRouter } from 'react-router';
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
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

function RouteError() {
  return <PageError error={undefined} onRetry={() => window.location.reload()} />;
}
