// The accounts in the caller's scope: search, filter by role, disable or enable, reset links,
// pending invitations, and inviting whom the caller may invite from here.
import { ROLES, type Role } from '@torch/shared';
import { useState } from 'react';
import { useCurrentUser } from '../api/auth';
import { type UserFilters, useUsers } from '../api/users';
import { SearchBox } from '../components/SearchBox';
import { QueryState } from '../components/states';
import { InviteDialog } from '../components/users/InviteDialog';
import { PendingInvitations } from '../components/users/PendingInvitations';
import { UsersTable } from '../components/users/UsersTable';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

/** Whom each role invites from this page (tenant users are invited from their company's page). */
function invitableHere(role: Role): Role[] {
  if (role === 'national') return ['national', 'province', 'incubator_manager'];
  if (role === 'province' || role === 'incubator_manager') return ['incubator_manager'];
  return [];
}

export function UsersPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<UserFilters>({});
  const [inviting, setInviting] = useState(false);
  const users = useUsers(filters);
  const roles = invitableHere(me.role);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('users.heading')}</h1>
        </div>
        <div className="page-actions">
          {roles.length > 0 && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setInviting(true)}
              data-testid="invite-user"
            >
              {t('users.invite')}
            </button>
          )}
        </div>
      </div>
      <section className="panel">
        <div className="panel-header">
          <div className="filters">
            <SearchBox
              value={filters.q ?? ''}
              onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))}
              label={t('users.search')}
              placeholder={t('users.search')}
              testId="users-search"
            />
            <select
              aria-label={t('users.role')}
              value={filters.role ?? ''}
              onChange={(e) => setFilters((f) => ({ ...f, role: e.target.value || undefined }))}
              data-testid="users-role"
            >
              <option value="">{t('users.allRoles')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {labels.role(r)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <QueryState query={users}>
          {(data) => <UsersTable users={data.items} emptyMessage={t('users.none')} />}
        </QueryState>
      </section>
      <PendingInvitations />
      {inviting && (
        <InviteDialog
          roles={roles}
          place={me.role === 'incubator_manager' ? { incubatorId: me.incubatorIds[0] } : {}}
          onClose={() => setInviting(false)}
        />
      )}
    </>
  );
}
