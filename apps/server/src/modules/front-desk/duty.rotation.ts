import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { rosterRows } from './duty.service.ts';
import { dutyGroups, dutyRosters, dutyRotation, replacementGrants } from './front-desk.schema.ts';

// The rotation (轮值) of the day's duty group: who receives the next new visitor.

/** Active groups with somebody on duty on a date. */
async function groupsOnDuty(db: DbOrTx, date: string) {
  return db
    .selectDistinct({ id: dutyGroups.id, name: dutyGroups.name, deptId: dutyGroups.deptId })
    .from(dutyGroups)
    .innerJoin(dutyRosters, and(eq(dutyRosters.groupId, dutyGroups.id), eq(dutyRosters.dutyDate, date)))
    .where(eq(dutyGroups.active, true))
    .orderBy(asc(dutyGroups.id));
}

/**
 * The duty group a registration rotates in: the one chosen, else the only group on duty that
 * day; several on duty and none chosen is a field error, none on duty a conflict.
 */
export async function resolveDutyGroup(tx: Tx, date: string, groupId: number | null): Promise<number> {
  const groups = await groupsOnDuty(tx, date);
  if (groupId !== null) {
    if (!groups.some((g) => g.id === groupId))
      throw ValidationError.field('dutyGroupId', 'frontdesk.duty_group_not_on_duty');
    return groupId;
  }
  if (groups.length === 0) throw new ConflictError('frontdesk.no_one_on_duty');
  if (groups.length > 1) throw ValidationError.field('dutyGroupId', 'frontdesk.duty_group_required');
  return groups[0].id;
}

/** Present, active people on duty in a group on a date, in rotation order. */
async function presentOnDuty(db: DbOrTx, groupId: number, date: string) {
  return db
    .select({ userId: dutyRosters.userId, position: dutyRosters.position, deptId: users.deptId })
    .from(dutyRosters)
    .innerJoin(users, eq(users.id, dutyRosters.userId))
    .where(
      and(
        eq(dutyRosters.groupId, groupId),
        eq(dutyRosters.dutyDate, date),
        eq(dutyRosters.absent, false),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(dutyRosters.position));
}

/** Fair round-robin: the first present member after the last one assigned, wrapping around. */
function nextInTurn<T extends { position: number }>(members: T[], lastPosition: number | null): T {
  return members.find((m) => lastPosition === null || m.position > lastPosition) ?? members[0];
}

export interface DutyPick {
  userId: number;
  deptId: number;
  reason: 'rotation' | 'replacement';
  grantId: number | null;
}

/**
 * Picks the rep who receives the next new visitor of a group on a date (轮值). A rep with a
 * granted 补客户 slot goes first (the turn order stays as it was); otherwise the next in turn.
 * The group-day pointer row is locked until commit, so concurrent registrations take turns.
 */
export async function pickRepOnDuty(tx: Tx, groupId: number, date: string): Promise<DutyPick> {
  await tx.insert(dutyRotation).values({ groupId, dutyDate: date }).onConflictDoNothing();
  const [rot] = await tx
    .select()
    .from(dutyRotation)
    .where(and(eq(dutyRotation.groupId, groupId), eq(dutyRotation.dutyDate, date)))
    .for('update');
  const members = await presentOnDuty(tx, groupId, date);
  if (members.length === 0) throw new ConflictError('frontdesk.no_one_on_duty');
  const [grant] = await tx
    .select({ id: replacementGrants.id, userId: replacementGrants.userId })
    .from(replacementGrants)
    .where(
      and(
        inArray(
          replacementGrants.userId,
          members.map((m) => m.userId),
        ),
        isNull(replacementGrants.consumedAt),
      ),
    )
    .orderBy(asc(replacementGrants.grantedAt), asc(replacementGrants.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const counted = { assignedCount: rot.assignedCount + 1, updatedAt: sql`now()` };
  const where = and(eq(dutyRotation.groupId, groupId), eq(dutyRotation.dutyDate, date));
  if (grant) {
    await tx.update(dutyRotation).set(counted).where(where);
    const m = members.find((x) => x.userId === grant.userId) as (typeof members)[number];
    return { userId: m.userId, deptId: m.deptId, reason: 'replacement', grantId: grant.id };
  }
  const next = nextInTurn(members, rot.lastPosition);
  await tx
    .update(dutyRotation)
    .set({ ...counted, lastUserId: next.userId, lastPosition: next.position })
    .where(where);
  return { userId: next.userId, deptId: next.deptId, reason: 'rotation', grantId: null };
}

/** For the front desk: who is on duty on a date in each group, and who receives the next new visitor. */
export async function onDuty(ctx: Ctx, date?: string) {
  const day = date ?? companyDate(ctx.now());
  const groups = await groupsOnDuty(ctx.db, day);
  const ids = groups.map((g) => g.id);
  const [rows, rotation, depts, grants] = await Promise.all([
    rosterRows(ctx.db, ids, day, day),
    ids.length
      ? ctx.db
          .select()
          .from(dutyRotation)
          .where(and(inArray(dutyRotation.groupId, ids), eq(dutyRotation.dutyDate, day)))
      : [],
    ctx.db.select({ id: departments.id, name: departments.name }).from(departments),
    ctx.db
      .select({ userId: replacementGrants.userId, n: count() })
      .from(replacementGrants)
      .where(isNull(replacementGrants.consumedAt))
      .groupBy(replacementGrants.userId),
  ]);
  const pending = new Map(grants.map((g) => [g.userId, g.n]));
  return {
    date: day,
    groups: groups.map((g) => {
      const members = rows
        .filter((r) => r.groupId === g.id)
        .map(({ groupId: _g, date: _d, ...m }) => ({ ...m, pendingReplacements: pending.get(m.userId) ?? 0 }));
      const present = members.filter((m) => !m.absent && m.active);
      const rot = rotation.find((r) => r.groupId === g.id);
      const first = present.find((m) => m.pendingReplacements > 0);
      const next = first ?? (present.length ? nextInTurn(present, rot?.lastPosition ?? null) : null);
      return {
        groupId: g.id,
        name: g.name,
        deptId: g.deptId,
        deptName: depts.find((d) => d.id === g.deptId)?.name ?? null,
        members,
        assignedCount: rot?.assignedCount ?? 0,
        nextUserId: next?.userId ?? null,
      };
    }),
  };
}
