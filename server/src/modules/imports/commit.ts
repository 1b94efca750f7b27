// Carrying out an import's plans inside one transaction, through the same service functions the
// forms use (admission, tenant edits); reports written by the importing manager are approved.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Tx } from '../../db/client';
import { conflict } from '../../errors';
import type { Caller } from '../../plugins/auth';
import * as reports from '../reports/queries';
import { EDITABLE } from '../reports/service';
import { admitManyInTx } from '../tenants/admit-many';
import { type admitInTx, patchInTx } from '../tenants/service';
import type { Plan } from './judge';

/** Rows written at once; their statements share the transaction's connection. */
const BATCH = 64;

type AdmitBody = Parameters<typeof admitInTx>[3];
type PatchBody = Parameters<typeof patchInTx>[3];

export async function applyPlans(
  tx: Tx,
  caller: Caller,
  incubatorId: string,
  plans: Plan[],
  onProgress: (done: number) => void,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const reviewed = { reviewedAt: sql`now()`, reviewedBy: caller.userId, status: 'approved' as const };
  const apply = async (plan: Plan) => {
    switch (plan.action) {
      case 'admit':
        break; // all at once, below
      case 'update':
        await patchInTx(tx, caller, plan.tenantId, { version: plan.version, ...plan.changes } as PatchBody);
        updated++;
        break;
      case 'createReport': {
        const { uscc: _, ...figures } = plan.body;
        const id = await reports.insertReport(tx, {
          ...(figures as { year: number }),
          companyId: plan.tenant.companyId,
          tenantId: plan.tenant.id,
          incubatorId,
          flags: plan.flags,
          submittedAt: sql`now()` as unknown as string,
          ...reviewed,
          reviewedAt: sql`now()` as unknown as string,
        });
        await writeAudit(tx, {
          userId: caller.userId,
          action: 'report.import',
          entity: 'report',
          entityId: id,
          incubatorId,
          after: { ...figures, status: 'approved' },
        });
        created++;
        break;
      }
      case 'updateReport':
        if (
          !(await reports.updateReport(tx, plan.reportId, EDITABLE, {
            ...plan.changes,
            flags: plan.flags,
            submittedAt: sql`now()`,
            ...reviewed,
          }))
        ) {
          throw conflict('A report was submitted meanwhile; validate the import again');
        }
        await writeAudit(tx, {
          userId: caller.userId,
          action: 'report.import',
          entity: 'report',
          entityId: plan.reportId,
          incubatorId,
          after: { ...plan.changes, status: 'approved' },
        });
        updated++;
        break;
      case 'unchanged':
        break;
    }
  };
  const admissions = plans.flatMap((p) => (p.action === 'admit' ? [p.body as AdmitBody] : []));
  created += await admitManyInTx(tx, caller, incubatorId, admissions);
  onProgress(admissions.length);
  const others = plans.filter((p) => p.action !== 'admit');
  // Plans name distinct companies (a file names each once), so a batch of them is sent at once:
  // postgres.js pipelines the statements of one transaction instead of waiting for each round trip.
  for (let i = 0; i < others.length; i += BATCH) {
    // Every statement of the batch settles before a failure rolls the transaction back.
    const settled = await Promise.allSettled(others.slice(i, i + BATCH).map(apply));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    onProgress(admissions.length + Math.min(i + BATCH, others.length));
  }
  return { created, updated };
}
