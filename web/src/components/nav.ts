// What each role sees in the sidebar. Later features (reports, timeline, statistics) add an entry
// here and a route in routes.tsx; nothing else needs to change.
import { type Me, todayInChina, yearOf } from '@torch/shared';
import type { MessageKey } from '../i18n/messages/zh-CN';

/** Annual returns are filed for the last full year. */
const lastFullYear = () => yearOf(todayInChina()) - 1;

export interface NavItem {
  to: string;
  label: MessageKey;
  testId: string;
  /** Active only on this exact path, not below it. */
  end?: boolean;
}

export function navFor(me: Me): NavItem[] {
  switch (me.role) {
    case 'national':
    case 'province':
      return [
        { to: '/incubators', label: 'nav.incubators', testId: 'nav-incubators' },
        { to: '/companies', label: 'nav.companies', testId: 'nav-companies' },
        { to: '/returns', label: 'nav.returns', testId: 'nav-returns' },
        { to: '/stats', label: 'nav.stats', testId: 'nav-stats' },
        { to: '/users', label: 'nav.users', testId: 'nav-users' },
      ];
    case 'incubator_manager': {
      const [first, ...others] = me.incubatorIds;
      return [
        ...(first
          ? [
              {
                to: `/incubators/${first}`,
                label: 'nav.myIncubator' as const,
                testId: 'nav-my-incubator',
                end: true,
              },
              { to: `/incubators/${first}/reviews`, label: 'nav.reviews' as const, testId: 'nav-reviews' },
              { to: `/incubators/${first}/mentors`, label: 'nav.mentors' as const, testId: 'nav-mentors' },
              {
                to: `/incubators/${first}/returns/${lastFullYear()}`,
                label: 'nav.returns' as const,
                testId: 'nav-returns',
              },
            ]
          : []),
        ...(others.length
          ? [{ to: '/incubators', label: 'nav.myIncubators' as const, testId: 'nav-incubators', end: true }]
          : []),
        { to: '/stats', label: 'nav.stats' as const, testId: 'nav-stats' },
        { to: '/users', label: 'nav.users' as const, testId: 'nav-users' },
      ];
    }
    case 'tenant':
      return [{ to: '/company', label: 'nav.company', testId: 'nav-company' }];
  }
}
