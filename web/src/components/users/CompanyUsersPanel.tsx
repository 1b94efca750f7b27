// On a tenant's page, for its incubator's manager: the company's accounts and an invite button.
import { useState } from 'react';
import { useUsers } from '../../api/users';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryState } from '../states';
import { InviteDialog } from './InviteDialog';
import { PendingInvitations } from './PendingInvitations';
import { UsersTable } from './UsersTable';

export function CompanyUsersPanel({ tenantId, companyId }: { tenantId: string; companyId: string }) {
  const { t } = useI18n();
  const users = useUsers({ companyId });
  const [inviting, setInviting] = useState(false);
  return (
    <>
      <section className="panel" aria-labelledby="company-users-heading">
        <div className="panel-header">
          <h2 id="company-users-heading">{t('users.companyHeading')}</h2>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setInviting(true)}
            data-testid="invite-company-user"
          >
            {t('users.invite')}
          </button>
        </div>
        <QueryState query={users}>
          {(data) => <UsersTable users={data.items} emptyMessage={t('users.companyNone')} />}
        </QueryState>
      </section>
      <PendingInvitations tenantId={tenantId} />
      {inviting && (
        <InviteDialog roles={['tenant']} place={{ tenantId }} onClose={() => setInviting(false)} />
      )}
    </>
  );
}
