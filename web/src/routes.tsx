// Every page and its path. A new feature adds its route here and its entry in components/nav.ts.
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './components/RequireSession';
import { AdmitTenantPage } from './pages/AdmitTenantPage';
import { CompanyPage } from './pages/CompanyPage';
import { CompanyRecordPage } from './pages/CompanyRecordPage';
import { CompanySearchPage } from './pages/CompanySearchPage';
import { HomeRedirect } from './pages/HomeRedirect';
import { ImportPage } from './pages/ImportPage';
import { IncubatorListPage } from './pages/IncubatorListPage';
import { IncubatorPage } from './pages/IncubatorPage';
import { InvitePage } from './pages/InvitePage';
import { MentorsPage } from './pages/MentorsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PasswordPage } from './pages/PasswordPage';
import { ReportPage } from './pages/ReportPage';
import { ReturnPage } from './pages/ReturnPage';
import { ReturnsQueuePage } from './pages/ReturnsQueuePage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { SignInPage } from './pages/SignInPage';
import { TenantPage } from './pages/TenantPage';
import { UsersPage } from './pages/UsersPage';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'incubators', element: <IncubatorListPage /> },
      { path: 'incubators/:incubatorId', element: <IncubatorPage /> },
      { path: 'incubators/:incubatorId/admit', element: <AdmitTenantPage /> },
      { path: 'incubators/:incubatorId/import', element: <ImportPage /> },
      { path: 'incubators/:incubatorId/mentors', element: <MentorsPage /> },
      { path: 'incubators/:incubatorId/reviews', element: <ReviewQueuePage /> },
      { path: 'tenants/:tenantId', element: <TenantPage /> },
      { path: 'reports/:reportId', element: <ReportPage /> },
      { path: 'incubators/:incubatorId/returns/:year', element: <ReturnPage /> },
      { path: 'returns', element: <ReturnsQueuePage /> },
      { path: 'company', element: <CompanyPage /> },
      { path: 'companies', element: <CompanySearchPage /> },
      { path: 'companies/:companyId', element: <CompanyRecordPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'account/password', element: <PasswordPage /> },
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
