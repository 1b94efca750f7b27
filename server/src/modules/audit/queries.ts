import type { AuditQuery } from '@torch/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog, users } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { auditVisible } from '../../scope';

export async function listAudit(db: DbOrTx, caller: Caller, query: AuditQuery) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userEmail: users.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      incubatorId: auditLog.incubatorId,
      before: auditLog.before,
      after: auditLog.after,
      total: sql<number>`count(*) over()::int`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(
        auditVisible(caller),
        query.entity ? eq(auditLog.entity, query.entity) : undefined,
        query.id ? eq(auditLog.entityId, query.id) : undefined,
        query.incubatorId ? eq(auditLog.incubatorId, query.incubatorId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return rows;
}
