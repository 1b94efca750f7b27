// One grouping as a yearbook table: a row per group, the indicators as columns, the API's total as
// the 合计 row at the bottom. Sorting reorders the rows the API sent; it never recomputes a number.
// Not on TanStack Table (DataTable): its rows are at most the 34 provinces, all on one page, sorted
// in the browser by the `order` the stats page keeps in its URL, and the columns are the indicators
// the stats controls choose; there is no server paging or column choice for the table to hold.
import type { StatsGrouping, StatsIndicator, StatsIndicators, StatsRow } from '@torch/shared';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { SortHeader } from '../SortHeader';
import { useIndicatorText } from './use-indicator-text';

interface Props {
  groupBy: StatsGrouping;
  rows: StatsRow[];
  total: StatsIndicators;
  columns: readonly StatsIndicator[];
  order: string | undefined;
  onOrder(order: string): void;
  /** Where a row leads when it can be drilled into (a province), else null. */
  drillTo?: (row: StatsRow) => string | null;
  stale: boolean;
}

function sortedRows(rows: StatsRow[], order: string | undefined, labelOf: (row: StatsRow) => string) {
  if (!order) return rows;
  const descending = order.startsWith('-');
  const column = order.replace(/^-/, '');
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (column === 'label') return sign * labelOf(a).localeCompare(labelOf(b));
    const x = a[column as StatsIndicator];
    const y = b[column as StatsIndicator];
    // Groups without a value (incubators by field) stay at the bottom either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

export function GroupTable({ groupBy, rows, total, columns, order, onOrder, drillTo, stale }: Props) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const navigate = useNavigate();
  const sort = order ?? '';

  return (
    <div className={`table-wrap stats-table-wrap${stale ? ' is-stale' : ''}`}>
      <table className="table stats-table" data-testid="stats-table">
        <thead>
          <tr>
            <SortHeader column="label" label={t(`stats.grouping.${groupBy}`)} sort={sort} onSort={onOrder} />
            {columns.map((indicator) => (
              <SortHeader
                key={indicator}
                column={indicator}
                label={text.heading(indicator)}
                sort={sort}
                onSort={onOrder}
                numeric
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sortedRows(rows, order, text.group).map((row) => {
            const target = drillTo?.(row) ?? null;
            return (
              <tr
                key={row.key}
                className={target ? 'clickable' : undefined}
                onClick={target ? () => navigate(target) : undefined}
                data-testid={`stats-row-${row.key}`}
              >
                <th scope="row" className="stats-group">
                  {target ? (
                    <Link
                      to={target}
                      onClick={(e) => e.stopPropagation()}
                      title={t('stats.drillInto', { group: text.group(row) })}
                      data-testid={`stats-drill-${row.key}`}
                    >
                      {text.group(row)}
                    </Link>
                  ) : (
                    text.group(row)
                  )}
                </th>
                {columns.map((indicator) => (
                  <td key={indicator} className="numeric">
                    {text.cell(indicator, row[indicator])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="stats-total" data-testid="stats-total-row">
            <th scope="row">{t('stats.total')}</th>
            {columns.map((indicator) => (
              <td key={indicator} className="numeric" data-testid={`stats-total-${indicator}`}>
                {text.cell(indicator, total[indicator])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
