// The small tables of one tenant's records (its investments, listings, yearly reports). Not on
// TanStack Table: a tenant has a handful of each, all on one page in the order they happened,
// so there is no paging, sorting or column choice to hold (DataTable is for the big lists).
import type { ReactNode } from 'react';
import { EmptyState } from '../states';

export interface RecordHeader {
  label: string;
  numeric?: boolean;
  /** Said to screen readers only (a column of row buttons). */
  hidden?: boolean;
}

interface Props {
  testId: string;
  headers: RecordHeader[];
  /** Said instead of the table when there is no row. */
  empty: string;
  count: number;
  children: ReactNode;
}

export function RecordTable({ testId, headers, empty, count, children }: Props) {
  if (count === 0) return <EmptyState message={empty} />;
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header.label} scope="col" className={header.numeric ? 'numeric' : undefined}>
                {header.hidden ? <span className="visually-hidden">{header.label}</span> : header.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
