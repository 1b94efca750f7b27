// What investments, listings and reports share: each is a company's record under one tenancy,
// written with the tenancy's company and incubator and its audit row, and only while the tenancy
// still keeps records on that date.
import { tracksRecordOn } from '@torch/shared';
import { writeAudit } from '../audit';
import type { Tx } from '../db/client';
import { conflict } from '../errors';
import type { Caller } from '../plugins/auth';

interface Tenancy {
  id: string;
  companyId: string;
  incubatorId: string;
  status: 'incubating' | 'graduated' | 'exited';
  exitedOn: string | null;
}

/** 409 `tenant_exited` on `path` when the tenancy no longer keeps records dated `date`. */
export function requireRecordsKeptOn(tenant: Tenancy, date: string, path: string, detail: string) {
  if (!tracksRecordOn(tenant, date)) throw conflict(detail, [{ path, message: 'tenant_exited' }]);
}

/** Inserts `body` under the tenancy and writes `<entity>.create` to the audit log; answers its id. */
export async function insertUnderTenancy<B extends object>(
  tx: Tx,
  caller: Caller,
  tenant: Tenancy,
  record: { entity: string; body: B; after?: unknown },
  insert: (values: B & { companyId: string; tenantId: string; incubatorId: string }) => Promise<string>,
): Promise<string> {
  const { entity, body } = record;
  const id = await insert({
    ...body,
    companyId: tenant.companyId,
    tenantId: tenant.id,
    incubatorId: tenant.incubatorId,
  });
  await writeAudit(tx, {
    userId: caller.userId,
    action: `${entity}.create`,
    entity,
    entityId: id,
    incubatorId: tenant.incubatorId,
    after: record.after ?? { tenantId: tenant.id, ...body },
  });
  return id;
}
