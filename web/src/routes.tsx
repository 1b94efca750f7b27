// Every page and its path. A new feature adds its route here and its entry in components/nav.ts.
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './components/RequireSession';
import { AdmitTenantPage } from './pages/AdmitTenantPage';
import { CompanyPage } from './pages/CompanyPage';
import { HomeRedirect } from './pages/HomeRedirect';
import { IncubatorListPage } from './pages/IncubatorListPage';
import { IncubatorPage } from './pages/IncubatorPage';
import { NotFoundPage } from './pages/NotFoundPage';
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
      { path: 'tenants/:tenantId', element: <TenantPage /> },
      { path: 'company', element: <CompanyPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
