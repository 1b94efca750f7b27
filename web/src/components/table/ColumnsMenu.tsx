// Which columns a list shows: a disclosure of checkboxes, one per column that may be hidden
// (a <details>, so it needs no script of its own under the strict CSP).
import type { RowData, Table } from '@tanstack/react-table';
import { useI18n } from '../../i18n/I18nProvider';
import type { listFeatures } from './DataTable';

export function ColumnsMenu<T extends RowData>({ table }: { table: Table<typeof listFeatures, T> }) {
  const { t } = useI18n();
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <details className="columns-menu" data-testid="columns-menu">
      <summary className="button button-small">{t('list.columns')}</summary>
      <div className="columns-menu-list">
        {hideable.map((column) => (
          <label key={column.id} className="checkbox">
            <input
              type="checkbox"
              checked={column.getIsVisible()}
              onChange={(e) => column.toggleVisibility(e.target.checked)}
              data-testid={`column-${column.id}`}
            />
            {column.columnDef.header as string}
          </label>
        ))}
      </div>
    </details>
  );
}
