// Accounts with what the caller may do to them: disable or enable, a password reset link.
import type { InvitationCreated, UserSummary } from '@torch/shared';
import { useState } from 'react';
import { useCurrentUser } from '../../api/auth';
import { usePatchUser, useResetLink } from '../../api/users';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { EmptyState } from '../states';
import { OneTimeLink } from './OneTimeLink';

export function UsersTable({ users, emptyMessage }: { users: UserSummary[]; emptyMessage: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const me = useCurrentUser();
  const patch = usePatchUser();
  const reset = useResetLink();
  const [link, setLink] = useState<InvitationCreated | null>(null);

  if (!users.length) return <EmptyState message={emptyMessage} />;
  return (
    <>
      {link && <OneTimeLink link={link} />}
      <div className="table-wrap">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.organisation')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.lastLogin')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('report.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid={`user-${user.email}`}>
                <td className="name-cell">
                  <strong>{user.name}</strong>
                  <div className="muted">{user.email}</div>
                </td>
                <td>{labels.role(user.role)}</td>
                <td>{user.companyName ?? (user.provinceCode ? labels.province(user.provinceCode) : '')}</td>
                <td data-testid="user-status">{user.disabled ? t('users.disabled') : t('users.active')}</td>
                <td className="nowrap">{user.lastLoginAt?.slice(0, 10) ?? ''}</td>
                <td className="row-actions">
                  {user.id !== me.id && (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={patch.isPending}
                        onClick={() => patch.mutate({ id: user.id, disabled: !user.disabled })}
                        data-testid={user.disabled ? 'enable-user' : 'disable-user'}
                      >
                        {user.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                      {!user.disabled && (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={reset.isPending}
                          onClick={() => reset.mutate(user.id, { onSuccess: setLink })}
                          data-testid="reset-user"
                        >
                          {t('users.reset')}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
