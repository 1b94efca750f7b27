// The big server-paged lists on TanStack Table. The API sorts and pages (manualSorting,
// manualPagination); the table holds that state as TanStack's sorting and pagination, read from
// and written to the URL's `sort`, `page` and `pageSize` (useListParams). A person may hide
// columns (ColumnsMenu); the header stays in view while the rows scroll.
import {
  type ColumnDef,
  type ColumnVisibilityState,
  columnVisibilityFeature,
  functionalUpdate,
  metaHelper,
  type PaginationState,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Pagination } from '../Pagination';
import { SortHeader } from '../SortHeader';
import { EmptyState, QueryState } from '../states';
import { ColumnsMenu } from './ColumnsMenu';

interface ListColumnMeta {
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Dates and codes that must not wrap. */
  nowrap?: boolean;
  className?: string;
}

export const listFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<ListColumnMeta>(),
});

/** A column of a list; `header` is its label (also in the columns menu). */
export type ListColumn<T extends RowData> = ColumnDef<typeof listFeatures, T> & { header: string };

/** The API's sort parameter ('name' ascending, '-name' descending) as TanStack sorting state. */
export function sortingOf(sort: string | undefined): SortingState {
  return sort ? [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }] : [];
}

function sortOf(sorting: SortingState): string | undefined {
  const first = sorting[0];
  return first ? `${first.desc ? '-' : ''}${first.id}` : undefined;
}

export interface ListChanges {
  sort?: string;
  page?: number;
  pageSize?: number;
}

/** Every list row has an id: the table's row key. */
type ListRow = RowData & { id: string };

/** A query of one page of rows, as the hooks in api/ return it. */
interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { items: T[]; total: number } | undefined;
  refetch(): unknown;
  /** The previous page stays, faded, while the next one loads. */
  isPlaceholderData: boolean;
}

interface Props<T extends ListRow> {
  columns: ListColumn<T>[];
  /** The page the API answered; QueryState shows its loading and errors. */
  list: ListQuery<T>;
  query: { sort?: string; page: number; pageSize: number };
  onChange(changes: ListChanges): void;
  /** Where a click on the row goes. */
  rowHref(row: T): string;
  /** Names the column choice kept for this list (in localStorage) and the table's test id. */
  name: string;
  rowTestId: string;
  empty: string;
}

interface PageProps<T extends ListRow> extends Omit<Props<T>, 'list'> {
  rows: T[];
  total: number;
  stale: boolean;
}

function storedVisibility(name: string): ColumnVisibilityState {
  try {
    return JSON.parse(localStorage.getItem(`columns:${name}`) ?? '{}') as ColumnVisibilityState;
  } catch {
    return {};
  }
}

export function DataTable<T extends ListRow>({ list, ...props }: Props<T>) {
  return (
    <QueryState query={list}>
      {(page) => <PageTable {...props} rows={page.items} total={page.total} stale={list.isPlaceholderData} />}
    </QueryState>
  );
}

function PageTable<T extends ListRow>(props: PageProps<T>) {
  const { columns, rows, total, query, onChange, name } = props;
  const navigate = useNavigate();
  const [columnVisibility, setColumnVisibility] = useState(() => storedVisibility(name));
  const sorting = sortingOf(query.sort);
  const pagination: PaginationState = { pageIndex: query.page - 1, pageSize: query.pageSize };

  const table = useTable({
    features: listFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, pagination, columnVisibility },
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    onSortingChange: (updater: Updater<SortingState>) =>
      onChange({ sort: sortOf(functionalUpdate(updater, sorting)) }),
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== pagination.pageSize) onChange({ pageSize: next.pageSize });
      else onChange({ page: next.pageIndex + 1 });
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      localStorage.setItem(`columns:${name}`, JSON.stringify(next));
      setColumnVisibility(next);
    },
  });

  return (
    <>
      <ColumnsMenu table={table} />
      <div className={`table-wrap table-sticky${props.stale ? ' is-stale' : ''}`}>
        <table className="table" data-testid={name}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const { column } = header;
                  const label = column.columnDef.header as string;
                  const numeric = column.columnDef.meta?.numeric;
                  if (!column.getCanSort())
                    return (
                      <th key={header.id} scope="col" className={numeric ? 'numeric' : undefined}>
                        {label}
                      </th>
                    );
                  return (
                    <SortHeader
                      key={header.id}
                      column={column.id}
                      label={label}
                      sort={query.sort ?? ''}
                      numeric={numeric}
                      onSort={(next) => column.toggleSorting(next.startsWith('-'))}
                    />
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className="clickable"
                onClick={() => navigate(props.rowHref(row.original))}
                data-testid={props.rowTestId}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const className =
                    [meta?.numeric && 'numeric', meta?.nowrap && 'nowrap', meta?.className]
                      .filter(Boolean)
                      .join(' ') || undefined;
                  return (
                    <td key={cell.id} className={className}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <EmptyState message={props.empty} />}
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        onPage={(page) => table.setPageIndex(page - 1)}
        onPageSize={(pageSize) => table.setPageSize(pageSize)}
      />
    </>
  );
}

/** Sorting on for exactly the columns the API sorts by (its `sort` enum), off for the others. */
export function sortable<T extends RowData>(
  sorts: readonly string[],
  columns: ListColumn<T>[],
): ListColumn<T>[] {
  return columns.map((column) => {
    const id = column.id ?? ('accessorKey' in column ? String(column.accessorKey) : '');
    return { ...column, enableSorting: sorts.includes(id) };
  });
}
