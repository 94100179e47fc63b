/**
 * Demo data loaded on the first start (after bootstrap): a company with departments and one
 * user per role, ~200 customers with contacts, follow-ups and audit trails; public pools with
 * released and reclaimed customers; duty groups and two weeks of front-desk registrations;
 * opportunities in both seeded pipelines; customer credit and credit requests waiting in the
 * approvers' inboxes; quote to cash — products and prices, stock, quotes, contracts, orders,
 * deliveries, payments and invoices in every state; service tickets in every SLA state; a completed
 * customer import (a trade show's leads, through the real import path). Deterministic (seeded PRNG);
 * dates are relative to now so "due today" is always today.
 */
import { CONTACT_FIELDS } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../apps/server/src/db/client.ts';
import { auditLog, customerContacts, customers, followUps, notifications } from '../../apps/server/src/db/schema.ts';
import { AUDITED_FIELDS } from '../../apps/server/src/modules/customers/customers.service.ts';
import { customerSearchKeys } from '../../apps/server/src/modules/customers/index.ts';
import { seedPipelines } from '../../apps/server/src/modules/opportunities/index.ts';
import { seedDefaultPool } from '../../apps/server/src/modules/pool/index.ts';
import { seedApprovalRules } from '../../apps/server/src/platform/approvals/approval-rules.service.ts';
import { createdFields } from '../../apps/server/src/platform/audit/audit.service.ts';
import { hashPassword } from '../../apps/server/src/platform/auth/password.ts';
import { createAfterSales } from './demo/after-sales.ts';
import { createMilestones } from './demo/after-sales-milestones.ts';
import { createReturns } from './demo/after-sales-returns.ts';
import { createAnalyticsFacts } from './demo/analytics.ts';
import { createAppraisal } from './demo/appraisal.ts';
import { createCreditRequests, planCreditImport } from './demo/credit.ts';
import { createSavedFilters, planAttributes } from './demo/customer-attributes.ts';
import { buildCustomers, type CustomerPlan } from './demo/customers.ts';
import { createDealers } from './demo/dealers.ts';
import { createDiscipline } from './demo/discipline.ts';
import { createEvents } from './demo/events.ts';
import { createExpenses } from './demo/expenses.ts';
import { createFrontDesk } from './demo/front-desk.ts';
import { createCompletedImport } from './demo/imports.ts';
import { createInquiries } from './demo/inquiries.ts';
import { planLifecycle } from './demo/lifecycle.ts';
import { createOpportunities } from './demo/opportunities.ts';
import { createDemoOrg, USER_MOBILES } from './demo/org.ts';
import { createPlans } from './demo/plans.ts';
import { createPools, writeFates } from './demo/pool.ts';
import { createQualityRecords } from './demo/quality.ts';
import { createQuoteToCash } from './demo/quote-to-cash.ts';
import { createReportReviews } from './demo/reports.ts';
import { createResearch } from './demo/research.ts';
import { addDays, officeTime, Rng, shanghaiDate } from './demo/rng.ts';
import { createServiceTickets } from './demo/service.ts';
import { createTraining } from './demo/training.ts';
import { createWorkLogs } from './demo/worklogs.ts';
import { type AuditRow, type DemoCustomer, type DemoWorld, type Notice, REQUEST_ID, userId } from './demo/world.ts';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_CUSTOMERS = 200;
const SEED = 20240601;
/** Who owns the demo customers: mostly the reps. */
const OWNER_WEIGHTS: Record<string, number> = {
  rep1: 7,
  rep2: 7,
  rep3: 7,
  rep4: 7,
  supervisor1: 3,
  manager1: 2,
  manager2: 2,
};
const FOLLOW_UP_FIELDS = ['type', 'content', 'outcome', 'contactId', 'nextAction', 'nextActionDate'] as const;

async function insertChunked<T>(items: T[], size: number, fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Numbers KH-<year>-NNNNNN by creation year, continuing doc_sequences; returns them in plan order. */
async function assignNumbers(tx: Tx, plans: CustomerPlan[]): Promise<string[]> {
  const res = await tx.execute<{ period: string; last_value: number }>(
    sql`select period, last_value from doc_sequences where doc_type = 'customer'`,
  );
  const last = new Map(res.rows.map((r) => [r.period, Number(r.last_value)]));
  const nos = plans.map((p) => {
    const year = shanghaiDate(p.createdAt).slice(0, 4);
    const n = (last.get(year) ?? 0) + 1;
    last.set(year, n);
    return `KH-${year}-${String(n).padStart(6, '0')}`;
  });
  for (const [period, value] of last) {
    await tx.execute(sql`
      insert into doc_sequences (doc_type, period, last_value) values ('customer', ${period}, ${value})
      on conflict (doc_type, period) do update set last_value = greatest(doc_sequences.last_value, excluded.last_value)`);
  }
  return nos;
}

export async function loadDemoData(db: Db, now = new Date()): Promise<void> {
  // The seeds the demo data builds on (idempotent; the server runs them again after this).
  await seedPipelines(db);
  await seedApprovalRules(db);
  await seedDefaultPool(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = new Rng(SEED);
  const today = shanghaiDate(now);
  await db.transaction(async (tx) => {
    const org = await createDemoOrg(tx, passwordHash);
    const owners = Object.entries(OWNER_WEIGHTS).map(([username, weight]) => {
      const u = org.users.get(username);
      if (!u) throw new Error(`demo owner ${username} missing`);
      return { id: u.id, deptId: u.deptId, weight };
    });
    const plans = buildCustomers(rng, owners, now, DEMO_CUSTOMERS, USER_MOBILES);
    const nos = await assignNumbers(tx, plans);
    const audit: AuditRow[] = [];
    const notices: Notice[] = [];

    // What happened to them later (pools, claims, locks, deals) and their credit; separate
    // generators, so the archive above stays the same whatever is added here.
    const sales2 = org.deptIds.销售二部;
    const eastCreatedAt = officeTime(addDays(today, -150), new Rng(SEED + 5));
    const poolIds = await createPools(tx, org, eastCreatedAt, audit);
    const deptOf = new Map([...org.users.values()].map((u) => [u.id, u.deptId]));
    const fates = planLifecycle(
      new Rng(SEED + 1),
      plans,
      {
        deptOf,
        reps: ['rep1', 'rep2', 'rep3', 'rep4'].map((u) => userId(org, u)),
        rep1: userId(org, 'rep1'),
        sales2DeptId: sales2,
        headOf: new Map([
          [org.deptIds.销售一部, userId(org, 'manager1')],
          [sales2, userId(org, 'manager2')],
        ]),
        eastCreatedAt,
      },
      now,
    );
    const goLive = officeTime(addDays(today, -200), new Rng(SEED + 7));
    const credit = planCreditImport(new Rng(SEED + 2), plans, goLive);
    const attributes = planAttributes(new Rng(SEED + 30), plans, today);

    // Customers, in creation order so ids and numbers follow time.
    const values = plans.map((p, i) => {
      const f = fates[i];
      const c = credit.get(i);
      const lastFollowUp = p.followUps.at(-1)?.createdAt ?? null;
      const changedAt = [p.upgrade?.at, ...f.events.map((e) => e.at), c ? goLive : undefined].filter(
        (d): d is Date => d !== undefined,
      );
      return {
        no: nos[i],
        kind: p.kind,
        name: p.name,
        nameNorm: p.nameNorm,
        creditCode: p.creditCode,
        idNumber: p.idNumber,
        mobile: p.mobile,
        mobileNorm: p.mobile,
        phone: p.phone,
        email: p.email,
        address: p.address,
        region: p.region,
        industry: p.industry,
        source: p.source,
        class: p.class,
        tags: p.tags,
        remark: p.remark,
        ...attributes[i],
        ownerId: f.ownerId,
        ownerDeptId: f.ownerDeptId,
        lastFollowUpAt: lastFollowUp,
        poolId: f.pool ? poolIds[f.pool] : null,
        poolEnteredAt: f.poolEnteredAt,
        assignedAt: f.ownerId === null ? null : f.assignedAt,
        lastDealAt: f.lastDealAt,
        lockedAt: f.lockedAt,
        lockedBy: f.lockedBy,
        creditRating: c?.rating ?? null,
        creditLimit: c?.creditLimit ?? null,
        paymentTermsDays: c?.paymentTermsDays ?? null,
        ...customerSearchKeys({ no: nos[i], name: p.name, creditCode: p.creditCode, mobile: p.mobile, phone: p.phone }),
        version: 1 + changedAt.length,
        createdBy: p.ownerId,
        createdAt: p.createdAt,
        updatedAt: new Date(Math.max(p.createdAt.getTime(), ...changedAt.map((d) => d.getTime()))),
      };
    });
    const ids: number[] = [];
    await insertChunked(values, 100, async (chunk) => {
      const rows = await tx.insert(customers).values(chunk).returning({ id: customers.id, no: customers.no });
      const byNo = new Map(rows.map((r) => [r.no, r.id]));
      for (const v of chunk) ids.push(byNo.get(v.no) as number);
    });
    const adminId = await adminUserId(tx);
    plans.forEach((p, i) => {
      const v = values[i];
      // As created: by its first owner, before any class upgrade.
      const created = { ...v, ownerId: p.ownerId, class: p.upgrade?.from ?? p.class };
      audit.push({
        at: p.createdAt,
        actorId: p.ownerId,
        entityType: 'customer',
        entityId: ids[i],
        action: 'create',
        changes: createdFields(created, AUDITED_FIELDS),
      });
      if (p.upgrade)
        audit.push({
          at: p.upgrade.at,
          actorId: p.ownerId,
          entityType: 'customer',
          entityId: ids[i],
          action: 'update',
          changes: [{ field: 'class', old: p.upgrade.from, new: p.class }],
        });
      const c = credit.get(i);
      if (c)
        audit.push({
          at: goLive,
          actorId: adminId,
          entityType: 'customer',
          entityId: ids[i],
          action: 'credit_change',
          changes: [
            { field: 'creditRating', old: null, new: c.rating },
            { field: 'creditLimit', old: null, new: c.creditLimit },
            { field: 'paymentTermsDays', old: null, new: c.paymentTermsDays },
          ],
          comment: '期初资信数据导入（旧系统迁移）',
        });
    });
    await writeFates(
      tx,
      plans.map((p, i) => ({ id: ids[i], no: nos[i], name: p.name })),
      fates,
      poolIds,
      now,
      audit,
      notices,
    );

    // Contacts.
    const contactRows = plans.flatMap((p, i) =>
      p.contacts.map((c) => ({
        plan: p,
        customerId: ids[i],
        value: { customerId: ids[i], ...c, mobileNorm: c.mobile, updatedAt: c.createdAt },
      })),
    );
    const contactIds: number[] = [];
    await insertChunked(contactRows, 200, async (chunk) => {
      const rows = await tx
        .insert(customerContacts)
        .values(chunk.map((c) => c.value))
        .returning({ id: customerContacts.id });
      contactIds.push(...rows.map((r) => r.id));
    });
    const contactIdOf = new Map<CustomerPlan, number[]>();
    contactRows.forEach((c, k) => {
      const list = contactIdOf.get(c.plan) ?? [];
      list.push(contactIds[k]);
      contactIdOf.set(c.plan, list);
      audit.push({
        at: c.value.createdAt,
        actorId: c.plan.ownerId,
        entityType: 'customer_contact',
        entityId: contactIds[k],
        action: 'create',
        changes: createdFields(c.value, CONTACT_FIELDS),
      });
    });

    // Follow-ups.
    const fuRows = plans.flatMap((p, i) =>
      p.followUps.map((f) => ({
        customerId: ids[i],
        contactId: f.contactIndex === null ? null : (contactIdOf.get(p)?.[f.contactIndex] ?? null),
        type: f.type,
        content: f.content,
        outcome: f.outcome,
        nextAction: f.nextAction,
        nextActionDate: f.nextActionDate,
        doneAt: f.doneAt,
        createdBy: p.ownerId,
        createdAt: f.createdAt,
      })),
    );
    await insertChunked(fuRows, 200, async (chunk) => {
      const rows = await tx.insert(followUps).values(chunk).returning({ id: followUps.id });
      rows.forEach((r, k) => {
        const f = chunk[k];
        audit.push({
          at: f.createdAt,
          actorId: f.createdBy,
          entityType: 'follow_up',
          entityId: r.id,
          action: 'create',
          changes: createdFields(f, FOLLOW_UP_FIELDS),
        });
      });
    });

    // Front desk, then opportunities (they may start from a visitor the desk registered).
    const world: DemoWorld = {
      tx,
      org,
      now,
      audit,
      notices,
      pools: { defaultId: poolIds.default, eastId: poolIds.east },
      customers: plans.map(
        (p, i): DemoCustomer => ({
          id: ids[i],
          no: nos[i],
          name: p.name,
          kind: p.kind,
          mobile: p.mobile,
          class: p.class,
          industry: p.industry,
          createdAt: p.createdAt,
          ownerId: fates[i].ownerId,
          ownerDeptId: fates[i].ownerDeptId,
          poolId: values[i].poolId,
          lastDealAt: fates[i].lastDealAt,
          creditLimit: values[i].creditLimit,
          paymentTermsDays: values[i].paymentTermsDays,
          stableSince: fates[i].poolEnteredAt ?? (fates[i].ownerId === null ? p.createdAt : fates[i].assignedAt),
          nearReclaim: fates[i].nearReclaim || fates[i].lockedAt !== null,
          plan: p,
        }),
      ),
    };
    await createSavedFilters(tx, org, audit, officeTime(addDays(today, -20), new Rng(SEED + 31)));
    await createFrontDesk(world, new Rng(SEED + 3));
    await createOpportunities(world, new Rng(SEED + 4));

    // Audit trail and notifications in time order (timelines and lists sort by id).
    audit.sort((a, b) => a.at.getTime() - b.at.getTime());
    await insertChunked(audit, 500, (chunk) =>
      tx.insert(auditLog).values(chunk.map((a) => ({ requestId: REQUEST_ID, comment: null, ...a }))),
    );
    notices.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await insertChunked(notices, 500, (chunk) => tx.insert(notifications).values(chunk));

    // Credit requests last, through the approval engine: they are what is waiting in the inboxes now.
    await createCreditRequests(tx, org, world.customers, new Rng(SEED + 6), now);

    // Quote to cash after that (it runs the real services, whose rows carry their own times).
    await createQuoteToCash(world, new Rng(SEED + 8));
    await createServiceTickets(world);
    // After-sales on top of it: visits recorded, complaints in every state (issue 12).
    await createAfterSales(world);
    // After the sale (SPEC 4.3, 4.5): returns of the signed deliveries, post-sale processes.
    await createReturns(world);
    await createMilestones(world);
    await createWorkLogs(world, new Rng(SEED + 21));
    await createInquiries(world);
    // Last: facts are derived from every document above.
    await createAnalyticsFacts(world, new Rng(SEED + 13));
    // The managers' written review of the last half-year analysis (SPEC 5.1).
    await createReportReviews(world);
    // Plans after the facts: this year's plan is made from last year's actuals (SPEC 2.1).
    await createPlans(world);
    // Conference marketing (SPEC 2.7): a past event with its report and an upcoming one being invited to.
    await createEvents(world);
    // Expenses (SPEC 5.3): budgets near their limit, claims in every state, one beyond budget pending.
    await createExpenses(world);
    // Market research after the facts: forecasts are compared with the actual sales (SPEC 2.2).
    await createResearch(world);
    // Last: a trade show's leads brought in through the real import (its customers touch no story above).
    await createCompletedImport(world);
    // Training (SPEC 5.4): sessions with scores, certificates (one expired), a new rep in onboarding.
    await createTraining(world);
    // Managing the sales force (SPEC 5.6, 5.7): discipline records, internal audits and controlled documents.
    await createDiscipline(world);
    // Distributors (SPEC 5.5): two dealer outlets with a contact, last month's review, a visit.
    await createDealers(world);
    await createQualityRecords(world);
    // Appraisal (SPEC 5.2) last: last month's run reads the plans, orders, complaints and discipline above.
    await createAppraisal(world);
  });
}

async function adminUserId(tx: Tx): Promise<number | null> {
  const res = await tx.execute<{ id: number }>(sql`select id from users where username = 'admin'`);
  return res.rows[0] ? Number(res.rows[0].id) : null;
}
