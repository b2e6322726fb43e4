import { createBrowserRouter } from 'react-router';
import NotFoundPage, { PageError } from '../common/PageError';

/** Each page is its own chunk: the first visit loads the shell and the page it opens, nothing more. */
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('../auth/LoginPage')).default }),
  },
  {
    path: '/',
    lazy: async () => ({ Component: (await import('./AppShell')).default }),
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../home/HomePage')).default }) },
      { path: 'plans/:id', lazy: async () => ({ Component: (await import('../plans/PlanPage')).default }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

function RouteError() {
  return <PageError error={undefined} onRetry={() => window.location.reload()} />;
}
