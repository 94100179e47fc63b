import {
  CustomerInput,
  isValidMobile,
  type MarketSurveyInput,
  money,
  normalizePhone,
  type RegistrationInput,
  type ReplacementGrantInput,
  type RouteReason,
  toMoneyString,
} from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { findDuplicate, insertCustomer } from '../customers/index.ts';
import { assignPoolCustomerInTx } from '../pool/index.ts';
import { pickRepOnDuty, resolveDutyGroup } from './duty.rotation.ts';
import { raiseConflict } from './front-desk.conflict.ts';
import { registrationView } from './front-desk.list.ts';
import { frontDeskRegistrations, replacementGrants } from './front-desk.schema.ts';

const AUDITED = [
  'kind',
  'visitorName',
  'phone',
  'companyName',
  'channel',
  'budget',
  'repClaimedUserId',
  'repClaimedText',
  'dutyGroupId',
  'matchedCustomerId',
  'matchedInPool',
  'customerId',
  'isNewCustomer',
  'routedTo',
  'routeReason',
  'conflictRepId',
] as const;

interface Routing {
  routedTo: number;
  routedDeptId: number;
  routeReason: RouteReason;
  customerId: number;
  customerName: string;
  customerNo: string;
  matchedCustomerId: number | null;
  matchedInPool: boolean;
  isNewCustomer: boolean;
  dutyGroupId: number | null;
  grantId: number | null;
  /** The rep the visitor named when the customer they matched belongs to someone else (归属冲突). */
  conflictRepId: number | null;
  ownerName: string | null;
}

async function activeUser(tx: Tx, id: number) {
  const [u] = await tx
    .select({ id: users.id, deptId: users.deptId })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  return u ?? null;
}

/** The new customer a first-time visitor or caller becomes, with the channel as its source. */
function newCustomerInput(input: RegistrationInput, phone: string | null, mobile: string | null) {
  const remark = [input.companyName ? `联系人：${input.visitorName}` : null, input.intent, input.notes]
    .filter(Boolean)
    .join('\n');
  return CustomerInput.parse({
    kind: input.companyName ? 'company' : 'individual',
    name: input.companyName ?? input.visitorName,
    mobile,
    phone: mobile ? null : phone,
    source: input.channel,
    remark: remark.slice(0, 1000) || null,
  });
}

/**
 * The ownership decision (客户归属, SPEC 2.3; seed 000 客户接待制度): a visitor matching a customer
 * by the duplicate-check rules goes to its owner; one whose customer sits in the pool, or a new
 * one, goes to the rep on duty by rotation — unless a new visitor names the rep they dealt with.
 */
async function route(
  tx: Tx,
  ctx: Ctx,
  input: RegistrationInput,
  today: string,
  phone: string | null,
): Promise<Routing> {
  const mobile = phone && isValidMobile(phone) ? phone : null;
  const match =
    mobile || input.companyName
      ? await findDuplicate(tx, {
          kind: input.companyName ? 'company' : 'individual',
          name: input.companyName ?? input.visitorName,
          creditCode: null,
          idNumber: null,
          mobile,
        })
      : null;
  const base = {
    matchedCustomerId: match?.id ?? null,
    matchedInPool: false,
    isNewCustomer: false,
    dutyGroupId: null,
    grantId: null,
    conflictRepId: null,
    ownerName: match?.ownerName ?? null,
  };
  if (match && match.ownerId !== null && match.ownerDeptId !== null) {
    // The customer stays with its owner (客户归属), but a visitor naming another rep is a dispute
    // the manager must settle (seed 000: 避免因客户归属产生的争执).
    const named = input.repUserId;
    return {
      ...base,
      conflictRepId: named !== null && named !== match.ownerId ? named : null,
      routedTo: match.ownerId,
      routedDeptId: match.ownerDeptId,
      routeReason: 'existing_owner',
      customerId: match.id,
      customerName: match.name,
      customerNo: match.no,
    };
  }
  if (match) {
    const dutyGroupId = await resolveDutyGroup(tx, today, input.dutyGroupId);
    const pick = await pickRepOnDuty(tx, dutyGroupId, today);
    const a = await assignPoolCustomerInTx(tx, ctx, match.id, pick.userId, 'front_desk');
    return {
      ...base,
      matchedInPool: true,
      dutyGroupId,
      grantId: pick.grantId,
      routedTo: pick.userId,
      routedDeptId: a.deptId,
      routeReason: pick.reason,
      customerId: match.id,
      customerName: match.name,
      customerNo: match.no,
    };
  }
  let owner: { userId: number; reason: RouteReason; dutyGroupId: number | null; grantId: number | null };
  if (input.repUserId !== null) {
    owner = { userId: input.repUserId, reason: 'claimed_rep', dutyGroupId: null, grantId: null };
  } else {
    const dutyGroupId = await resolveDutyGroup(tx, today, input.dutyGroupId);
    const pick = await pickRepOnDuty(tx, dutyGroupId, today);
    owner = { userId: pick.userId, reason: pick.reason, dutyGroupId, grantId: pick.grantId };
  }
  const created = await insertCustomer(tx, ctx, newCustomerInput(input, phone, mobile), owner.userId, 'front_desk');
  return {
    ...base,
    isNewCustomer: true,
    dutyGroupId: owner.dutyGroupId,
    grantId: owner.grantId,
    routedTo: owner.userId,
    routedDeptId: created.ownerDeptId,
    routeReason: owner.reason,
    customerId: created.id,
    customerName: created.name,
    customerNo: created.no,
  };
}

/**
 * Registers a call or visit at the front desk and routes it: to the customer's owner (notified),
 * to the rep the visitor named, or to the rep on duty by rotation (a new customer is created for
 * them). The registration keeps the decision; decision and customer changes are audited together.
 */
export async function registerVisit(ctx: Ctx, input: RegistrationInput) {
  const now = ctx.now();
  const today = companyDate(now);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const id = await ctx.db.transaction(async (tx) => {
    if (input.repUserId !== null && !(await activeUser(tx, input.repUserId)))
      throw ValidationError.field('repUserId', 'customer.owner.invalid');
    const r = await route(tx, ctx, input, today, phone);
    const values = {
      kind: input.kind,
      visitorName: input.visitorName,
      phone: input.phone,
      phoneNorm: phone,
      companyName: input.companyName,
      channel: input.channel,
      intent: input.intent,
      budget: input.budget === null ? null : toMoneyString(money(input.budget)),
      notes: input.notes,
      repClaimedUserId: input.repUserId,
      repClaimedText: input.repName,
      dutyGroupId: r.dutyGroupId,
      regDate: today,
      matchedCustomerId: r.matchedCustomerId,
      matchedInPool: r.matchedInPool,
      customerId: r.customerId,
      isNewCustomer: r.isNewCustomer,
      routedTo: r.routedTo,
      routedDeptId: r.routedDeptId,
      routeReason: r.routeReason,
      conflictRepId: r.conflictRepId,
      conflictStatus: r.conflictRepId === null ? null : ('open' as const),
      registeredBy: ctx.principal.userId,
      registeredAt: now,
    };
    const [row] = await tx.insert(frontDeskRegistrations).values(values).returning({ id: frontDeskRegistrations.id });
    // SPEC 5.1 leads by channel: credited to the rep it was routed to.
    await bookFact.registrationCreated(tx, row.id);
    if (r.grantId !== null)
      await tx
        .update(replacementGrants)
        .set({ consumedAt: now, consumedRegistrationId: row.id })
        .where(eq(replacementGrants.id, r.grantId));
    await recordAudit(
      tx,
      ctx,
      {
        entityType: 'frontdesk_registration',
        entityId: row.id,
        action: 'route',
        changes: createdFields(values, AUDITED),
        comment: r.routeReason,
      },
      // On the customer's timeline too: who came, and to whom the desk sent them.
      {
        entityType: 'customer',
        entityId: r.customerId,
        action: 'frontdesk_route',
        changes: [{ field: 'routedTo', old: null, new: r.routedTo }],
        comment: `${input.kind}:${r.routeReason}`,
      },
    );
    await notify(tx, [r.routedTo], {
      kind: 'frontdesk.routed',
      titleKey: r.routeReason === 'existing_owner' ? 'notify.frontdesk.returning' : 'notify.frontdesk.assigned',
      params: {
        visitorName: input.visitorName,
        kind: input.kind,
        customerName: r.customerName,
        customerNo: r.customerNo,
        reason: r.routeReason,
      },
      link: `/customers/${r.customerId}`,
    });
    if (r.conflictRepId !== null)
      await raiseConflict(tx, {
        id: row.id,
        today,
        visitorName: input.visitorName,
        claimedRepId: r.conflictRepId,
        ownerName: r.ownerName ?? '',
        ownerDeptId: r.routedDeptId,
        customerName: r.customerName,
      });
    return row.id;
  });
  return registrationView(ctx, id);
}

/** Users whose frontdesk.grant scope covers a department: who may grant 补客户 for it. */
async function grantorsFor(tx: Tx, deptId: number): Promise<number[]> {
  const res = await tx.execute<{ id: number }>(sql`
    select distinct u.id from users u
      join user_roles ur on ur.user_id = u.id
      join role_grants g on g.role_id = ur.role_id and g.permission = 'frontdesk.grant'
      join departments ud on ud.id = u.dept_id
      join departments rd on rd.id = ${deptId}
    where u.active and (g.scope = 'ALL' or (g.scope = 'DEPT' and ud.id = rd.id)
      or (g.scope = 'DEPT_TREE' and rd.path like ud.path || '%') or (g.scope = 'CUSTOM' and rd.id = any(g.custom_dept_ids)))`);
  return res.rows.map((r) => Number(r.id));
}

/**
 * Flags a visit as a competitor's market survey (市场调查). Seed 000 allows it only when the rep
 * and the visitor together confirm the purpose at the desk: both confirmations are required and
 * the confirming rep must be the one who received the visitor. The directors are asked for 补客户.
 */
export async function flagMarketSurvey(ctx: Ctx, id: number, input: MarketSurveyInput) {
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(frontDeskRegistrations).where(eq(frontDeskRegistrations.id, id)).for('update');
    if (!r) throw new NotFoundError();
    if (r.version !== input.version) throw new StaleVersionError();
    if (r.kind !== 'visit') throw new ConflictError('frontdesk.survey.not_visit');
    if (r.surveyFlaggedAt) throw new ConflictError('frontdesk.survey.already');
    if (input.repUserId !== r.routedTo) throw ValidationError.field('repUserId', 'frontdesk.survey.rep_mismatch');
    await tx
      .update(frontDeskRegistrations)
      .set({
        surveyFlaggedAt: ctx.now(),
        surveyFlaggedBy: ctx.principal.userId,
        surveyRepId: input.repUserId,
        surveyVisitorConfirmed: true,
        surveyNote: input.note,
        version: r.version + 1,
      })
      .where(eq(frontDeskRegistrations.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'frontdesk_registration',
      entityId: id,
      action: 'market_survey',
      changes: [
        { field: 'surveyRepId', old: null, new: input.repUserId },
        { field: 'surveyVisitorConfirmed', old: null, new: true },
      ],
      comment: input.note,
    });
    await notify(tx, await grantorsFor(tx, r.routedDeptId), {
      kind: 'frontdesk.survey',
      titleKey: 'notify.frontdesk.survey_flagged',
      params: {
        visitorName: r.visitorName,
        repName: (await tx.select({ name: users.name }).from(users).where(eq(users.id, r.routedTo)))[0]?.name ?? '',
      },
      link: `/front-desk/registrations/${id}`,
    });
  });
  return registrationView(ctx, id);
}

/**
 * The director grants the rep of a flagged market-survey visit a replacement customer (补客户):
 * the rep gets the next new visitor of a group they are on duty in, ahead of the rotation.
 */
export async function grantReplacement(ctx: Ctx, id: number, input: ReplacementGrantInput) {
  await ctx.db.transaction(async (tx) => {
    const scope = await resolveScope(ctx, 'frontdesk.grant');
    const [r] = await tx
      .select()
      .from(frontDeskRegistrations)
      .where(
        and(
          eq(frontDeskRegistrations.id, id),
          scopeWhere(scope, frontDeskRegistrations.routedTo, frontDeskRegistrations.routedDeptId),
        ),
      )
      .for('update');
    if (!r) throw new NotFoundError();
    if (!r.surveyFlaggedAt || r.surveyRepId === null) throw new ConflictError('frontdesk.replacement.not_survey');
    const [dup] = await tx
      .select({ id: replacementGrants.id })
      .from(replacementGrants)
      .where(eq(replacementGrants.registrationId, id));
    if (dup) throw new ConflictError('frontdesk.replacement.already');
    const [g] = await tx
      .insert(replacementGrants)
      .values({
        registrationId: id,
        userId: r.surveyRepId,
        grantedBy: ctx.principal.userId,
        grantedAt: ctx.now(),
        note: input.note,
      })
      .returning({ id: replacementGrants.id });
    await tx
      .update(frontDeskRegistrations)
      .set({ version: r.version + 1 })
      .where(eq(frontDeskRegistrations.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'frontdesk_registration',
      entityId: id,
      action: 'replacement_grant',
      changes: [
        { field: 'replacementGrantId', old: null, new: g.id },
        { field: 'replacementUserId', old: null, new: r.surveyRepId },
      ],
      comment: input.note,
    });
    await notify(tx, [r.surveyRepId], {
      kind: 'frontdesk.replacement',
      titleKey: 'notify.frontdesk.replacement_granted',
      params: { visitorName: r.visitorName },
      link: `/front-desk/registrations/${id}`,
    });
  });
  return registrationView(ctx, id);
}
