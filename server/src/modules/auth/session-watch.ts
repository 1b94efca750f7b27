// The notices that keep cached sessions honest (session-scope.ts): the database announces on
// `torch_sessions` every change that ends a session or changes a user's scope (migration 0011's
// triggers, payload: the user's id); this process listens for as long as it runs.
import type { Database } from '../../db/client';
import type { Unlisten } from '../../db/listen';
import type { SessionScopes } from './session-scope';

export const SESSIONS_CHANNEL = 'torch_sessions';

export async function watchSessions(database: Database, scopes: SessionScopes): Promise<Unlisten> {
  return database.listen(SESSIONS_CHANNEL, {
    onNotify: (userId) => scopes.changed(userId),
    onState: (listening) => scopes.setListening(listening),
  });
}
