import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { z } from 'zod';
import { authKeys } from './api/auth';
import { isApiError } from './api/errors';
import { I18nProvider } from './i18n/I18nProvider';
import { router } from './routes';
import './styles/frame.css';
import './styles/widgets.css';
import './styles/lifecycle.css';
import './styles/reports.css';
import './styles/imports.css';

// Zod compiles fast parsers with `new Function` unless told not to; the CSP (no 'unsafe-eval')
// would refuse that and log a violation in the console.
z.config({ jitless: true });

// A 401 anywhere means the session ended (signed out elsewhere, disabled, password changed):
// /me is asked again, fails the same way, and RequireSession shows the sign-in page.
const sessionEnded = (error: unknown) => {
  if (isApiError(error, 401)) void queryClient.invalidateQueries({ queryKey: authKeys.me() });
};
const me = JSON.stringify(authKeys.me());

const queryClient = new QueryClient({
  // Not for /me itself: its 401 is what RequireSession acts on (and asking again would loop).
  queryCache: new QueryCache({
    onError: (error, query) => JSON.stringify(query.queryKey) !== me && sessionEnded(error),
  }),
  mutationCache: new MutationCache({ onError: sessionEnded }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (failures, error) => !(isApiError(error) && error.status < 500) && failures < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
