import type { ReportStatus } from '@torch/shared';
import { useLabels } from '../../i18n/use-labels';

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const labels = useLabels();
  return (
    <span className={`badge badge-report-${status}`} data-testid="report-status">
      {labels.reportStatus(status)}
    </span>
  );
}
