// Yearbook exports of the year on screen: XLSX (a sheet per grouping) and CSV (the grouping on
// screen), for the Torch Center and the provinces. Money is in 千元 there, as the Torch forms use.
import type { StatsGrouping, StatsSource } from '@torch/shared';
import { type ExportParams, useStatsExport } from '../../api/stats';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  year: number;
  groupBy: StatsGrouping;
  province: string | undefined;
  source: StatsSource;
}

export function ExportButtons({ year, groupBy, province, source }: Props) {
  const { t } = useI18n();
  const download = useStatsExport();
  // Exports come from the live records: with no accepted returns there is no official table.
  const official = source === 'official';
  const start = (format: ExportParams['format']) => download.mutate({ year, format, groupBy, province });
  const pending = download.isPending ? download.variables.format : null;

  return (
    <div className="stats-export" data-testid="stats-export">
      <button
        type="button"
        className="button"
        onClick={() => start('xlsx')}
        disabled={official || download.isPending}
        title={official ? t('stats.export.officialDisabled') : t('stats.export.xlsxHint')}
        data-testid="stats-export-xlsx"
      >
        {pending === 'xlsx' ? t('stats.export.preparing') : t('stats.export.xlsx')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => start('csv')}
        disabled={official || download.isPending}
        title={
          official
            ? t('stats.export.officialDisabled')
            : t('stats.export.csvHint', { grouping: t(`stats.grouping.${groupBy}`) })
        }
        data-testid="stats-export-csv"
      >
        {pending === 'csv' ? t('stats.export.preparing') : t('stats.export.csv')}
      </button>
      {download.isError && (
        <span className="field-error" role="alert" data-testid="stats-export-error">
          {t('stats.export.failed')}
        </span>
      )}
    </div>
  );
}
