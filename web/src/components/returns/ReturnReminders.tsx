// On the manager's home: the last year's annual return, when it was sent back with comments or
// is still to be filed (with its deadline).
import { todayInChina, yearOf } from '@torch/shared';
import { Link } from 'react-router';
import { useReturn } from '../../api/returns';
import { useI18n } from '../../i18n/I18nProvider';

export function ReturnReminders({ incubatorId }: { incubatorId: string }) {
  const { t } = useI18n();
  const year = yearOf(todayInChina()) - 1;
  const ret = useReturn(incubatorId, year);
  if (!ret.data || !['draft', 'returned'].includes(ret.data.status)) return null;
  const returned = ret.data.status === 'returned';
  return (
    <section className="panel return-reminder" role="status" data-testid="return-reminder">
      <p>
        {returned
          ? t('returns.reminder.returned', { year })
          : t('returns.reminder.due', {
              year,
              date: ret.data.deadline,
              status: t(`returns.status.${ret.data.status}`),
            })}
      </p>
      <Link
        className="button"
        to={`/incubators/${incubatorId}/returns/${year}`}
        data-testid="return-reminder-link"
      >
        {t('returns.open', { year })}
      </Link>
    </section>
  );
}
