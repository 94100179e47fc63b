import type { DutyGroupInput, DutyRosterInput } from '@sales/core';
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { type ResolvedScope, resolveScope } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { dutyGroupMembers, dutyGroups, dutyRosters, dutyRotation } from './front-desk.schema.ts';

const FIELDS = ['name', 'deptId', 'active', 'memberIds'] as const;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Duty groups of the departments in the user's duty.manage scope (the one scope rule of duty groups). */
async function dutyScope(ctx: Ctx): Promise<{ scope: ResolvedScope; where: SQL | undefined }> {
  const scope = await resolveScope(ctx, 'duty.manage');
  if (scope.all) return { scope, where: undefined };
  return { scope, where: inArray(dutyGroups.deptId, scope.deptIds.length ? scope.deptIds : [-1]) };
}

async function findGroupInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const { where } = await dutyScope(ctx);
  const q = db
    .select()
    .from(dutyGroups)
    .where(and(eq(dutyGroups.id, id), where));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** Members and roster people must be active users of departments in the manager's scope. */
async function checkUsers(tx: DbOrTx, scope: ResolvedScope, userIds: number[], field: string) {
  const ids = [...new Set(userIds)];
  if (ids.length !== userIds.length) throw ValidationError.field(field, 'duty.member_duplicate');
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: users.id, deptId: users.deptId })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const ok = found.filter((u) => scope.all || scope.deptIds.includes(u.deptId));
  if (ok.length !== ids.length) throw ValidationError.field(field, 'duty.member_invalid');
}

/** The group's department must exist and be in the manager's scope. */
async function checkDept(tx: DbOrTx, scope: ResolvedScope, deptId: number) {
  const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, deptId));
  if (!dept || (!scope.all && !scope.deptIds.includes(deptId)))
    throw ValidationError.field('deptId', 'duty.dept_out_of_scope');
}

/** Duty groups with their members in rotation order. */
export async function listDutyGroups(ctx: Ctx) {
  const { where } = await dutyScope(ctx);
  const groups = await ctx.db
    .select({
      id: dutyGroups.id,
      name: dutyGroups.name,
      deptId: dutyGroups.deptId,
      deptName: departments.name,
      active: dutyGroups.active,
      version: dutyGroups.version,
    })
    .from(dutyGroups)
    .innerJoin(departments, eq(departments.id, dutyGroups.deptId))
    .where(where)
    .orderBy(asc(dutyGroups.id));
  if (groups.length === 0) return [];
  const members = await ctx.db
    .select({
      groupId: dutyGroupMembers.groupId,
      userId: users.id,
      name: users.name,
      position: dutyGroupMembers.position,
      active: users.active,
    })
    .from(dutyGroupMembers)
    .innerJoin(users, eq(users.id, dutyGroupMembers.userId))
    .where(
      inArray(
        dutyGroupMembers.groupId,
        groups.map((g) => g.id),
      ),
    )
    .orderBy(asc(dutyGroupMembers.position));
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.groupId === g.id).map(({ groupId: _g, ...m }) => m),
  }));
}

async function groupView(ctx: Ctx, id: number) {
  return (await listDutyGroups(ctx)).find((g) => g.id === id) as Awaited<ReturnType<typeof listDutyGroups>>[number];
}

/** Creates a duty group (接待小组) of a department with its members in rotation order. */
export async function createDutyGroup(ctx: Ctx, input: DutyGroupInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const { scope } = await dutyScope(ctx);
    await checkDept(tx, scope, input.deptId);
    await checkUsers(tx, scope, input.memberIds, 'memberIds');
    const [row] = await tx
      .insert(dutyGroups)
      .values({ name: input.name, deptId: input.deptId, active: input.active })
      .returning({ id: dutyGroups.id });
    if (input.memberIds.length)
      await tx
        .insert(dutyGroupMembers)
        .values(input.memberIds.map((userId, i) => ({ groupId: row.id, userId, position: i + 1 })));
    await recordAudit(tx, ctx, {
      entityType: 'duty_group',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, FIELDS),
    });
    return row.id;
  });
  return groupView(ctx, id);
}

/** Changes a duty group's name, department, members or active flag (versioned). */
export async function updateDutyGroup(ctx: Ctx, id: number, input: DutyGroupInput & { version: number }) {
  await ctx.db.transaction(async (tx) => {
    const cur = await findGroupInScope(ctx, id, tx, true);
    if (cur.version !== input.version) throw new StaleVersionError();
    const { scope } = await dutyScope(ctx);
    await checkDept(tx, scope, input.deptId);
    await checkUsers(tx, scope, input.memberIds, 'memberIds');
    const old = await tx
      .select({ userId: dutyGroupMembers.userId })
      .from(dutyGroupMembers)
      .where(eq(dutyGroupMembers.groupId, id))
      .orderBy(asc(dutyGroupMembers.position));
    const changes = diffFields({ ...cur, memberIds: old.map((m) => m.userId) }, input, FIELDS);
    if (changes.length === 0) return;
    await tx
      .update(dutyGroups)
      .set({
        name: input.name,
        deptId: input.deptId,
        active: input.active,
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(dutyGroups.id, id));
    await tx.delete(dutyGroupMembers).where(eq(dutyGroupMembers.groupId, id));
    if (input.memberIds.length)
      await tx
        .insert(dutyGroupMembers)
        .values(input.memberIds.map((userId, i) => ({ groupId: id, userId, position: i + 1 })));
    await recordAudit(tx, ctx, { entityType: 'duty_group', entityId: id, action: 'update', changes });
  });
  return groupView(ctx, id);
}

export async function rosterRows(db: DbOrTx, groupIds: number[], from: string, to: string) {
  if (groupIds.length === 0) return [];
  return db
    .select({
      groupId: dutyRosters.groupId,
      date: dutyRosters.dutyDate,
      userId: dutyRosters.userId,
      name: users.name,
      position: dutyRosters.position,
      absent: dutyRosters.absent,
      active: users.active,
    })
    .from(dutyRosters)
    .innerJoin(users, eq(users.id, dutyRosters.userId))
    .where(and(inArray(dutyRosters.groupId, groupIds), gte(dutyRosters.dutyDate, from), lte(dutyRosters.dutyDate, to)))
    .orderBy(asc(dutyRosters.dutyDate), asc(dutyRosters.position));
}

/** A group's duty roster (值班表) for a date range (default: this week from today), with each day's rotation state. */
export async function getRoster(ctx: Ctx, id: number, q: { from?: string; to?: string }) {
  const group = await findGroupInScope(ctx, id);
  const from = q.from ?? companyDate(ctx.now());
  const to = q.to ?? addDays(from, 6);
  if (to < from || to > addDays(from, 62)) throw ValidationError.field('to', 'frontdesk.range_invalid');
  const [rows, rotation] = await Promise.all([
    rosterRows(ctx.db, [id], from, to),
    ctx.db
      .select({
        date: dutyRotation.dutyDate,
        lastUserId: dutyRotation.lastUserId,
        assignedCount: dutyRotation.assignedCount,
      })
      .from(dutyRotation)
      .where(and(eq(dutyRotation.groupId, id), gte(dutyRotation.dutyDate, from), lte(dutyRotation.dutyDate, to))),
  ]);
  const days: {
    date: string;
    members: { userId: number; name: string; position: number; absent: boolean; active: boolean }[];
    lastUserId: number | null;
    assignedCount: number;
  }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const rot = rotation.find((r) => r.date === d);
    days.push({
      date: d,
      members: rows.filter((r) => r.date === d).map(({ groupId: _g, date: _d, ...m }) => m),
      lastUserId: rot?.lastUserId ?? null,
      assignedCount: rot?.assignedCount ?? 0,
    });
  }
  return { groupId: group.id, groupName: group.name, from, to, days };
}

/** Sets who is on duty in a group on some dates, in rotation order (replaces those days; empty clears them). */
export async function setRoster(ctx: Ctx, id: number, input: DutyRosterInput) {
  await ctx.db.transaction(async (tx) => {
    await findGroupInScope(ctx, id, tx, true);
    const { scope } = await dutyScope(ctx);
    await checkUsers(
      tx,
      scope,
      input.members.map((m) => m.userId),
      'members',
    );
    const dates = [...new Set(input.dates)].sort();
    const before = await tx
      .select({ date: dutyRosters.dutyDate, userId: dutyRosters.userId, absent: dutyRosters.absent })
      .from(dutyRosters)
      .where(and(eq(dutyRosters.groupId, id), inArray(dutyRosters.dutyDate, dates)))
      .orderBy(asc(dutyRosters.dutyDate), asc(dutyRosters.position));
    await tx.delete(dutyRosters).where(and(eq(dutyRosters.groupId, id), inArray(dutyRosters.dutyDate, dates)));
    if (input.members.length)
      await tx.insert(dutyRosters).values(
        dates.flatMap((dutyDate) =>
          input.members.map((m, i) => ({
            groupId: id,
            dutyDate,
            userId: m.userId,
            position: i + 1,
            absent: m.absent,
          })),
        ),
      );
    const changes = dates
      .map((d) => ({
        field: `roster.${d}`,
        old: before.filter((b) => b.date === d).map(({ userId, absent }) => ({ userId, absent })),
        new: input.members.map(({ userId, absent }) => ({ userId, absent })),
      }))
      .filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.new));
    await recordAudit(tx, ctx, {
      entityType: 'duty_group',
      entityId: id,
      action: 'roster',
      changes,
      comment: dates.join(','),
    });
  });
  return getRoster(ctx, id, { from: [...input.dates].sort()[0], to: [...input.dates].sort().at(-1) });
}
