// The signed-in frame: sidebar navigation by role, a top bar with the user, language and sign-out.
import type { Me } from '@torch/shared';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useSignOut } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { LanguageSwitch } from './LanguageSwitch';
import { navFor } from './nav';

export function AppLayout({ me }: { me: Me }) {
  const { t } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => navigate('/sign-in', { replace: true }),
    });

  return (
    <div className="app">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {navFor(me).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} data-testid={item.testId}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-title">{t('app.title')}</div>
          <div className="topbar-actions">
            <LanguageSwitch />
            <span className="user" data-testid="current-user">
              <strong>{me.name}</strong>
              <span className="muted"> · {labels.role(me.role)}</span>
            </span>
            <Link to="/account/password" className="button button-ghost" data-testid="change-password">
              {t('account.password')}
            </Link>
            <button
              type="button"
              className="button button-ghost"
              onClick={onSignOut}
              disabled={signOut.isPending}
              data-testid="sign-out"
            >
              {t('action.signOut')}
            </button>
          </div>
        </header>
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
