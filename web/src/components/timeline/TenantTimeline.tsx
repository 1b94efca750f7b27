// A tenancy's story, oldest first: admission, money, listings, reports, mentoring, its end.
import type { TimelineEvent } from '@torch/shared';
import { useTenantTimeline } from '../../api/dashboard';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { QueryState } from '../states';

export function TenantTimeline({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const timeline = useTenantTimeline(tenantId);
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="panel-title">
        {t('timeline.heading')}
      </h2>
      <QueryState query={timeline}>
        {(data) => (
          <ol className="timeline" data-testid="timeline">
            {data.events.map((event, index) => (
              <li
                // Events have no id of their own; their place in the story is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={index}
                className={`timeline-event timeline-${event.kind}`}
                data-testid="timeline-event"
                data-kind={event.kind}
              >
                <time className="timeline-date" dateTime={event.date}>
                  {event.date}
                </time>
                <EventText event={event} />
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}

function EventText({ event }: { event: TimelineEvent }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const title = labels.timelineKind(event.kind);
  const money = (yuan: number) => formatMoney(yuan, language);
  const detail = (() => {
    switch (event.kind) {
      case 'admitted':
        return event.incubatorName;
      case 'investment':
        return [labels.investorKind(event.investorKind), event.investorName, event.round, money(event.amount)]
          .filter(Boolean)
          .join(' · ');
      case 'listing':
        return [
          labels.exchange(event.exchange),
          event.ticker,
          t('timeline.raised', { amount: money(event.amountRaised) }),
        ].join(' · ');
      case 'report_submitted':
      case 'report_approved':
        return t('timeline.reportYear', { year: event.year });
      case 'report_returned':
        return [
          t('timeline.reportYear', { year: event.year }),
          event.comment ? t('timeline.comment', { comment: event.comment }) : null,
        ]
          .filter(Boolean)
          .join(' · ');
      case 'mentoring_started':
        return t('timeline.mentor', { name: event.mentorName });
      case 'graduated':
        return t('timeline.criteria', {
          criteria: event.criteria.map((c) => labels.criterion(c)).join('、'),
        });
      case 'exited':
        return event.reason ? labels.exitReason(event.reason) : '';
    }
  })();
  return (
    <div className="timeline-body">
      <strong className="timeline-title">{title}</strong>
      {detail && <span className="timeline-detail">{detail}</span>}
    </div>
  );
}
