// Links not yet used, in scope: withdraw one, or make a new one (shown once).
import type { InvitationCreated } from '@torch/shared';
import { useState } from 'react';
import { useInvitations, useResendInvitation, useRevokeInvitation } from '../../api/users';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { EmptyState, QueryState } from '../states';
import { OneTimeLink } from './OneTimeLink';

export function PendingInvitations({ tenantId }: { tenantId?: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const invitations = useInvitations({ status: 'pending', ...(tenantId ? { tenantId } : {}) });
  const revoke = useRevokeInvitation();
  const resend = useResendInvitation();
  const [link, setLink] = useState<InvitationCreated | null>(null);

  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <div className="panel-header">
        <h2 id="invitations-heading">{t('invitations.heading')}</h2>
      </div>
      {link && <OneTimeLink link={link} />}
      <QueryState query={invitations}>
        {(data) =>
          data.items.length ? (
            <div className="table-wrap">
              <table className="table" data-testid="invitations-table">
                <thead>
                  <tr>
                    <th scope="col">{t('users.name')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.organisation')}</th>
                    <th scope="col">{t('invitations.expires')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('report.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((inv) => (
                    <tr key={inv.id} data-testid={`invitation-${inv.email}`}>
                      <td className="name-cell">
                        <strong>{inv.name}</strong>
                        <div className="muted">
                          {inv.email}
                          {inv.kind === 'reset' && ` · ${t('invitations.reset')}`}
                        </div>
                      </td>
                      <td>{labels.role(inv.role)}</td>
                      <td>{inv.organisation ?? ''}</td>
                      <td className="nowrap">{inv.expiresAt.slice(0, 10)}</td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button button-small"
                          disabled={resend.isPending}
                          onClick={() => resend.mutate(inv.id, { onSuccess: setLink })}
                          data-testid="resend-invitation"
                        >
                          {t('invitations.resend')}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(inv.id)}
                          data-testid="revoke-invitation"
                        >
                          {t('invitations.revoke')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState message={t('invitations.none')} />
          )
        }
      </QueryState>
    </section>
  );
}
