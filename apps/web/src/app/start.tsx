import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from '../api/client';
import { Providers, queryClient } from './providers';
import { router } from './router';
import { loginPathFor } from '../auth/next-path';
import { meKey } from '../auth/queries';
import './app.css';

// A session that expired anywhere sends the user to sign in, and back to the page they were on afterwards.
// The cache is emptied only once the signed-in page is gone: emptied under it, its reads start again, answer 401
// again and call this again, and the page never leaves (seen when the plan page's cards read after it).
let leaving = false;
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (leaving || pathname.startsWith('/login')) return;
  leaving = true;
  queryClient.setQueryData(meKey, null);
  void router.navigate(loginPathFor(pathname + search), { replace: true }).finally(() => {
    queryClient.clear();
    queryClient.setQueryData(meKey, null);
    leaving = false;
  });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
