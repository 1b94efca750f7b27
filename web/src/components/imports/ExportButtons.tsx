// XLSX exports of an incubator, with the tenant list's filters as the URL holds them.
import { TenantListQuery } from '@torch/shared';
import { downloadExport, type ExportWhat } from '../../api/imports';
import { useI18n } from '../../i18n/I18nProvider';
import { useListParams } from '../use-list-params';

export function ExportButtons({ incubatorId }: { incubatorId: string }) {
  const { t } = useI18n();
  const [query] = useListParams(TenantListQuery);
  const { page: _page, pageSize: _size, ...filters } = query;
  const what: [ExportWhat, 'export.tenants' | 'export.reports' | 'export.investments'][] = [
    ['tenants', 'export.tenants'],
    ['reports', 'export.reports'],
    ['investments', 'export.investments'],
  ];
  return (
    <>
      {what.map(([kind, label]) => (
        <button
          key={kind}
          type="button"
          className="button"
          onClick={() => void downloadExport(incubatorId, kind, kind === 'tenants' ? filters : {})}
          data-testid={`export-${kind}`}
        >
          {t(label)}
        </button>
      ))}
    </>
  );
}
