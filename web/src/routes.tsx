// Every page and its path. A new feature adds its route here and its entry in components/nav.ts.
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './components/RequireSession';
import { AdmitTenantPage } from './pages/AdmitTenantPage';
import { CompanyPage } from './pages/CompanyPage';
import { HomeRedirect } from './pages/HomeRedirect';
import { IncubatorListPage } from './pages/IncubatorListPage';
import { IncubatorPage } from './pages/IncubatorPage';
import { MentorsPage } from './pages/MentorsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReportPage } from './pages/ReportPage';
import { ReturnPage } from './pages/ReturnPage';
import { ReturnsQueuePage } from './pages/ReturnsQueuePage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { SignInPage } from './pages/SignInPage';
import { TenantPage } from './pages/TenantPage';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'incubators', element: <IncubatorListPage /> },
      { path: 'incubators/:incubatorId', element: <IncubatorPage /> },
      { path: 'incubators/:incubatorId/admit', element: <AdmitTenantPage /> },
      { path: 'incubators/:incubatorId/mentors', element: <MentorsPage /> },
      { path: 'incubators/:incubatorId/reviews', element: <ReviewQueuePage /> },
      { path: 'tenants/:tenantId', element: <TenantPage /> },
      { path: 'reports/:reportId', element: <ReportPage /> },
      { path: 'incubators/:incubatorId/returns/:year', element: <ReturnPage /> },
      { path: 'returns', element: <ReturnsQueuePage /> },
      { path: 'company', element: <CompanyPage /> },
      // Charts are heavy: the statistics page (and recharts) load only when it is opened.
      {
        path: 'stats',
        lazy: async () => ({ Component: (await import('./pages/stats/StatsPage')).StatsPage }),
        HydrateFallback: () => null,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
