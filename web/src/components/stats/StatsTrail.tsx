// The drill-down trail 全国 › 湖北省 › 武汉东湖新技术创业中心 for the Torch Center and the provinces.
// Each step but the last leads back to the statistics page at that level; on the statistics page
// the step keeps the chosen year, source and indicator.
import { Link, useLocation, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { STATS_PATH, statsPathFor } from './drill';

interface Crumb {
  label: string;
  to: string;
  testId: string;
}

interface Props {
  /** The province shown (a drill-down, or the incubator's province). */
  province?: string | undefined;
  /** The incubator's name when the trail ends at an incubator. */
  incubator?: string | undefined;
}

export function StatsTrail({ province, incubator }: Props) {
  const me = useCurrentUser();
  const { t } = useI18n();
  const labels = useLabels();
  const [params] = useSearchParams();
  const onStatsPage = useLocation().pathname === STATS_PATH;
  if (me.role !== 'national' && me.role !== 'province') return null;

  const kept = onStatsPage ? params : new URLSearchParams();
  const crumbs: Crumb[] = [];
  if (me.role === 'national') {
    crumbs.push({ label: t('stats.nation'), to: statsPathFor(kept, undefined), testId: 'crumb-nation' });
  }
  if (province) {
    crumbs.push({
      label: labels.province(province),
      // A province user's statistics are its province already: no filter to send.
      to: statsPathFor(kept, me.role === 'national' ? province : undefined),
      testId: 'crumb-province',
    });
  }
  if (incubator) crumbs.push({ label: incubator, to: '', testId: 'crumb-incubator' });

  return (
    <nav className="breadcrumb stats-trail" aria-label={t('stats.trail')} data-testid="stats-trail">
      {crumbs.map((crumb, i) => {
        const last = i === crumbs.length - 1;
        return (
          <span key={crumb.testId}>
            {i > 0 && (
              <span className="stats-trail-separator" aria-hidden="true">
                {' › '}
              </span>
            )}
            {last ? (
              <span aria-current="page" data-testid={crumb.testId}>
                {crumb.label}
              </span>
            ) : (
              <Link to={crumb.to} data-testid={crumb.testId}>
                {crumb.label}
              </Link>
            )}
          </span>
        );
      })}
    </nav>
  );
}
