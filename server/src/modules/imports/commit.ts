// Carrying out an import's plans inside one transaction, through the same service functions the
// forms use (admission, tenant edits); reports written by the importing manager are approved.
// Admissions and reports are written thousands per statement; every written row has its audit row.
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { writeAudits } from '../../audit';
import type { Tx } from '../../db/client';
import { conflict } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { admitManyInTx } from '../tenants/admit-many';
import { type admitInTx, patchInTx } from '../tenants/service';
import type { Plan } from './judge';
import { approveChangedReports, insertApprovedReports } from './report-writes';
import type { ImportSteps } from './steps';

/** Tenant edits sent at once; their statements share the transaction's connection. */
const PATCH_BATCH = 64;

type AdmitBody = Parameters<typeof admitInTx>[3];
type PatchBody = Parameters<typeof patchInTx>[3];
type PlanOf<A extends Plan['action']> = Extract<Plan, { action: A }>;

const only = <A extends Plan['action']>(plans: Plan[], action: A) =>
  plans.filter((p): p is PlanOf<A> => p.action === action);

function* chunks<T>(items: T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function applyPlans(
  tx: Tx,
  caller: Caller,
  incubatorId: string,
  plans: Plan[],
  steps: ImportSteps,
  onProgress: (done: number) => void,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  let done = plans.filter((p) => p.action === 'unchanged').length;
  // After every step: other requests get their turn (on PGlite each statement runs on this thread,
  // and the progress polls are answered between them).
  const advance = async (n: number) => {
    done += n;
    onProgress(done);
    await setImmediatePromise();
  };

  for (const part of chunks(only(plans, 'admit'), steps.admit)) {
    created += await admitManyInTx(
      tx,
      caller,
      incubatorId,
      part.map((p) => p.body as AdmitBody),
    );
    await advance(part.length);
  }

  // Plans name distinct companies (a file names each once), so a batch of edits is sent at once:
  // postgres.js pipelines the statements of one transaction instead of waiting for each round trip.
  for (const part of chunks(only(plans, 'update'), PATCH_BATCH)) {
    const settled = await Promise.allSettled(
      part.map((p) => patchInTx(tx, caller, p.tenantId, { version: p.version, ...p.changes } as PatchBody)),
    );
    // Every statement of the batch settles before a failure rolls the transaction back.
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    updated += part.length;
    await advance(part.length);
  }

  const audit = (entityId: string, after: Record<string, unknown>) => ({
    userId: caller.userId,
    action: 'report.import',
    entity: 'report',
    entityId,
    incubatorId,
    after: { ...after, status: 'approved' },
  });

  for (const part of chunks(only(plans, 'createReport'), steps.report)) {
    const figuresOf = part.map((p) => {
      const { uscc: _, ...figures } = p.body;
      return figures;
    });
    const ids = await insertApprovedReports(
      tx,
      caller.userId,
      part.map((p, i) => ({
        ...figuresOf[i],
        year: Number(p.body.year),
        companyId: p.tenant.companyId,
        tenantId: p.tenant.id,
        incubatorId,
        flags: p.flags,
      })),
    );
    const figuresByKey = new Map(part.map((p, i) => [`${p.tenant.companyId}/${p.body.year}`, figuresOf[i]!]));
    await writeAudits(
      tx,
      ids.map((r) => audit(r.id, figuresByKey.get(`${r.companyId}/${r.year}`) ?? {})),
    );
    created += ids.length;
    await advance(part.length);
  }

  for (const part of chunks(only(plans, 'updateReport'), steps.report)) {
    const moved = await approveChangedReports(
      tx,
      caller.userId,
      part.map((p) => ({ id: p.reportId, flags: p.flags, changes: p.changes })),
    );
    if (moved.length !== part.length)
      throw conflict('A report was submitted meanwhile; validate the import again');
    await writeAudits(
      tx,
      part.map((p) => audit(p.reportId, p.changes)),
    );
    updated += part.length;
    await advance(part.length);
  }
  return { created, updated };
}
