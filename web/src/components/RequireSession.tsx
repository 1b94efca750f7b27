// Pages behind sign-in. After a reload the access token is gone; /me restores it through the
// refresh cookie (api/client.ts) or, when there is no session, sends the visitor to sign in.
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { isApiError } from '../api/errors';
import { AppLayout } from './AppLayout';
import { ErrorState, Loading } from './states';

export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (isApiError(me.error, 401))
      return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <AppLayout me={me.data} />;
}
