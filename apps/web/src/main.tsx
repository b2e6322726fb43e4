import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from './api/client';
import { Providers, queryClient } from './app/providers';
import { router } from './app/router';
import { loginPathFor } from './auth/next-path';
import { meKey } from './auth/queries';
import './app/app.css';

// A session that expired anywhere sends the user to sign in, and back to the page they were on afterwards.
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname.startsWith('/login')) return;
  queryClient.clear();
  queryClient.setQueryData(meKey, null);
  void router.navigate(loginPathFor(pathname + search), { replace: true });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
