// The incubator lists' columns, once: the national/provincial list and a province's statistics
// page show the same incubators, the latter with fewer columns.
import type { Incubator } from '@torch/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatArea, formatCount } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { type ListColumn, sortable } from './table/DataTable';

export type IncubatorColumn =
  | 'name'
  | 'provinceCode'
  | 'city'
  | 'type'
  | 'level'
  | 'foundedOn'
  | 'totalArea'
  | 'tenantsIncubating';

const NO_SORTS: readonly string[] = [];

interface Options {
  /** The API's sort values: the columns among them sort (none when absent). */
  sorts?: readonly string[];
  /** The test id of the name's link, where a test follows it. */
  linkTestId?: string;
  /** The incubating-tenants header, where "now" needs saying. */
  incubatingLabel?: string;
}

export function useIncubatorColumns(
  shown: readonly IncubatorColumn[],
  { sorts = NO_SORTS, linkTestId, incubatingLabel }: Options = {},
): ListColumn<Incubator>[] {
  const { t, language } = useI18n();
  const labels = useLabels();
  return useMemo(() => {
    const all: Record<IncubatorColumn, ListColumn<Incubator>> = {
      name: {
        accessorKey: 'name',
        header: t('incubator.name'),
        enableHiding: false,
        cell: ({ row: { original: incubator } }) => (
          <Link
            to={`/incubators/${incubator.id}`}
            onClick={(e) => e.stopPropagation()}
            data-testid={linkTestId}
          >
            {language === 'en' && incubator.nameEn ? incubator.nameEn : incubator.name}
          </Link>
        ),
      },
      provinceCode: {
        accessorKey: 'provinceCode',
        header: t('incubator.province'),
        cell: ({ row }) => labels.province(row.original.provinceCode),
      },
      city: { accessorKey: 'city', header: t('incubator.city') },
      type: {
        accessorKey: 'type',
        header: t('incubator.type'),
        cell: ({ row }) => labels.incubatorType(row.original.type),
      },
      level: {
        accessorKey: 'level',
        header: t('incubator.level'),
        cell: ({ row }) => labels.level(row.original.level),
      },
      foundedOn: { accessorKey: 'foundedOn', header: t('incubator.foundedOn'), meta: { nowrap: true } },
      totalArea: {
        accessorKey: 'totalArea',
        header: t('incubator.totalArea'),
        meta: { numeric: true },
        cell: ({ row }) => formatArea(row.original.totalArea, language),
      },
      tenantsIncubating: {
        accessorKey: 'tenantsIncubating',
        header: incubatingLabel ?? t('incubator.tenantsIncubating'),
        meta: { numeric: true },
        cell: ({ row }) => formatCount(row.original.tenantsIncubating, language),
      },
    };
    return sortable(
      sorts,
      shown.map((id) => all[id]),
    );
  }, [shown, sorts, t, labels, language, linkTestId, incubatingLabel]);
}
