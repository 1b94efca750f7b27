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
  /** Whether the summary on screen has numbers (official: some return of the year accepted). */
  available: boolean;
}

export function ExportButtons({ year, groupBy, province, source, available }: Props) {
  const { t } = useI18n();
  const download = useStatsExport();
  // Official yearbooks come from accepted returns: with none accepted there is no table.
  const official = source === 'official' && !available;
  const start = (format: ExportParams['format']) =>
    download.mutate({ year, format, groupBy, province, source });
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
