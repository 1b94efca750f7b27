// Every comment a report was returned with, oldest first. The report keeps only its latest
// review; the timeline (from the audit log) keeps each round of returns.
import type { Report, TimelineEvent } from '@torch/shared';

type Returned = Extract<TimelineEvent, { kind: 'report_returned' }>;

export function ReviewHistory({
  report,
  events,
}: {
  report: Report;
  events: readonly TimelineEvent[] | undefined;
}) {
  const returns = (events ?? []).filter(
    (e): e is Returned => e.kind === 'report_returned' && e.reportId === report.id && Boolean(e.comment),
  );
  if (returns.length === 0) return <>{report.reviewComment ?? '—'}</>;
  return (
    <ul className="plain-list review-history">
      {returns.map((e, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: returns of one report keep their order
        <li key={index}>
          <span className="muted">{e.date} </span>
          {e.comment}
        </li>
      ))}
    </ul>
  );
}
