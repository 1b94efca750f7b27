// A column header that sorts by the API's `sort` parameter: 'name' ascending, '-name' descending.
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  column: string;
  label: string;
  sort: string;
  onSort(sort: string): void;
  numeric?: boolean;
}

export function SortHeader({ column, label, sort, onSort, numeric }: Props) {
  const { t } = useI18n();
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const next = direction === 'ascending' ? `-${column}` : column;
  return (
    <th scope="col" aria-sort={direction} className={numeric ? 'numeric' : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(next)}
        data-testid={`sort-${column}`}
        title={t('list.sortBy', { column: label })}
      >
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
