// Many admissions in the caller's transaction (spreadsheet imports): the rules of admitInTx, with the
// writes of companies new to the country made a few statements for thousands of rows. A company
// that exists goes through admitInTx itself (its checks need its tenancies).
import { incubationEndsOn } from '@torch/shared';
import { writeAudits } from '../../audit';
import type { Tx } from '../../db/client';
import { unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import * as q from './bulk-queries';
import { admissionProblems, admitInTx, admittedProfile } from './service';

type AdmitBody = Parameters<typeof admitInTx>[3];

/** Rows per statement: PostgreSQL takes at most 65,535 parameters in one. */
const CHUNK = 2000;

export async function admitManyInTx(
  tx: Tx,
  caller: Caller,
  incubatorId: string,
  bodies: AdmitBody[],
): Promise<number> {
  for (const body of bodies) {
    const problems = admissionProblems(body.foundedOn, body.admittedOn, body.admissionExceptionReason);
    if (problems.length)
      throw unprocessable(`${body.uscc}: founded more than 24 months before admission`, problems);
  }
  for (let i = 0; i < bodies.length; i += CHUNK) {
    const chunk = bodies.slice(i, i + CHUNK);
    const known = new Set(
      await q.lockedUsccs(
        tx,
        chunk.map((b) => b.uscc),
      ),
    );
    for (const body of chunk.filter((b) => known.has(b.uscc))) await admitInTx(tx, caller, incubatorId, body);
    const fresh = chunk.filter((b) => !known.has(b.uscc));
    if (!fresh.length) continue;
    const companies = await q.insertCompanies(
      tx,
      fresh.map(({ admittedOn: _a, areaOccupied: _o, admissionExceptionReason: _r, ...company }) => ({
        ...company,
        nameEn: company.nameEn ?? null,
      })),
    );
    const companyOf = new Map(companies.map((c) => [c.uscc, c.id]));
    const tenancies = await q.insertTenancies(
      tx,
      fresh.map((b) => ({
        companyId: companyOf.get(b.uscc)!,
        incubatorId,
        ...admittedProfile(b),
        admittedOn: b.admittedOn,
        areaOccupied: b.areaOccupied,
        admissionExceptionReason: b.admissionExceptionReason ?? null,
        incubationEndsOn: incubationEndsOn(b.admittedOn, b),
      })),
    );
    const bodyOf = new Map(fresh.map((b) => [companyOf.get(b.uscc)!, b]));
    await writeAudits(
      tx,
      tenancies.map((t) => ({
        userId: caller.userId,
        action: 'tenant.admit',
        entity: 'tenant',
        entityId: t.id,
        incubatorId,
        after: bodyOf.get(t.companyId),
      })),
    );
  }
  return bodies.length;
}
