// Spending a link: an invitation creates the account, a reset link sets a new password and ends
// the account's other sessions; either signs the holder in. Once: the row is locked and re-read.
import type { InvitationAccept } from '@torch/shared';
import { writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { incubatorManagers, users } from '../../db/schema/index';
import { conflict } from '../../errors';
import { checkPasswordStrength } from '../auth/password-strength';
import { hashPassword } from '../auth/passwords';
import { revokeUserSessions, setPasswordHash } from '../auth/queries';
import { type Session, sha256, startSession } from '../auth/service';
import * as q from './queries';
import { pendingLink } from './service';

export interface Accepted {
  session: Session;
  /** Sessions a reset ended, for the scope cache. */
  ended: string[];
}

export async function accept(db: Db, token: string, body: InvitationAccept): Promise<Accepted> {
  const first = await pendingLink(db, token);
  const name = body.name ?? first.name;
  checkPasswordStrength(body.password, [first.email, name]);
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    await q.lockByTokenHash(tx, sha256(token));
    const link = await pendingLink(tx, token);
    let userId: string;
    let ended: string[] = [];
    if (link.kind === 'reset') {
      userId = link.userId!;
      await setPasswordHash(tx, userId, passwordHash);
      ended = await revokeUserSessions(tx, userId);
    } else {
      if (await q.emailTaken(tx, link.email)) {
        throw conflict('A user with this email already exists', [{ path: 'email', message: 'email_taken' }]);
      }
      const [row] = await tx
        .insert(users)
        .values({
          email: link.email,
          name,
          passwordHash,
          role: link.role,
          provinceCode: link.role === 'province' ? link.provinceCode : null,
          companyId: link.role === 'tenant' ? link.companyId : null,
        })
        .returning({ id: users.id });
      userId = row!.id;
      if (link.role === 'incubator_manager') {
        await tx.insert(incubatorManagers).values({ userId, incubatorId: link.incubatorId! });
      }
    }
    await q.markUsed(tx, link.id, userId);
    const session = await startSession(tx, userId);
    await writeAudit(tx, {
      userId,
      action: link.kind === 'reset' ? 'user.password_reset' : 'invitation.accept',
      entity: 'user',
      entityId: userId,
      incubatorId: link.incubatorId,
      after: { invitationId: link.id, role: link.role },
    });
    return { session, ended };
  });
}
