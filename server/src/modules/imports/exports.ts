// An incubator's tenants, yearly figures and investments as XLSX, with the importer's headers and
// the lists' filters: an export of tenants or reports imports back as a no-op.
import {
  IMPORT_COLUMNS,
  type ImportKind,
  INVESTMENT_COLUMNS,
  type ReportListQuery,
  type TenantListQuery,
  usccCheckChar,
} from '@torch/shared';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findIncubator } from '../incubators/queries';
import { listOfIncubator } from '../tenants/service';
import { investmentsForExport, reportsForExport } from './export-queries';
import { recordsWorkbook, templateWorkbook } from './sheets';

async function requireVisible(db: Db, caller: Caller, incubatorId: string) {
  if (!(await findIncubator(db, caller, incubatorId))) throw notFound('Incubator');
}

export async function tenantsXlsx(db: Db, caller: Caller, incubatorId: string, query: TenantListQuery) {
  await requireVisible(db, caller, incubatorId);
  // The list's own query, page by page: the same filters, scope and order as the table shows.
  async function* pages() {
    for (let page = 1; ; page++) {
      const { items, total } = await listOfIncubator(db, caller, incubatorId, {
        ...query,
        page,
        pageSize: 200,
      });
      yield* items;
      if (page * 200 >= total) return;
    }
  }
  return recordsWorkbook('在孵企业', IMPORT_COLUMNS.tenants, pages());
}

export async function reportsXlsx(
  db: Db,
  caller: Caller,
  incubatorId: string,
  query: Pick<ReportListQuery, 'status' | 'year'>,
) {
  await requireVisible(db, caller, incubatorId);
  const rows = await reportsForExport(db, caller, incubatorId, query);
  return recordsWorkbook(
    '年度报表',
    IMPORT_COLUMNS.reports,
    (async function* () {
      yield* rows;
    })(),
  );
}

export async function investmentsXlsx(db: Db, caller: Caller, incubatorId: string, year?: number) {
  await requireVisible(db, caller, incubatorId);
  const rows = await investmentsForExport(db, caller, incubatorId, year);
  return recordsWorkbook(
    '投融资',
    INVESTMENT_COLUMNS,
    (async function* () {
      yield* rows;
    })(),
  );
}

const EXAMPLE_USCC = `91420100MA4K00001${usccCheckChar('91420100MA4K00001')}`;

const EXAMPLES: Record<ImportKind, Record<string, unknown>> = {
  tenants: {
    uscc: EXAMPLE_USCC,
    name: '武汉示例科技有限公司',
    field: 'electronic_information',
    integratedCircuit: false,
    foundedOn: '2024-03-01',
    admittedOn: '2025-06-01',
    areaOccupied: 120,
    registeredCapital: 1_000_000,
    founderTraits: ['university_student'],
  },
  reports: {
    uscc: EXAMPLE_USCC,
    name: '武汉示例科技有限公司',
    year: 2025,
    revenue: 3_200_000,
    employees: 25,
  },
};

export async function templateXlsx(db: Db, caller: Caller, incubatorId: string, kind: ImportKind) {
  await requireVisible(db, caller, incubatorId);
  return templateWorkbook(kind === 'tenants' ? '在孵企业' : '年度报表', IMPORT_COLUMNS[kind], EXAMPLES[kind]);
}
