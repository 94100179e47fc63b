/**
 * Demo data loaded on the first start (after bootstrap): a company with departments and one
 * user per role, ~200 customers with contacts, follow-ups and audit trails. Deterministic
 * (seeded PRNG); dates are relative to now so "due today" is always today.
 */
import { CONTACT_FIELDS } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../apps/server/src/db/client.ts';
import { auditLog, customerContacts, customers, followUps } from '../../apps/server/src/db/schema.ts';
import { AUDITED_FIELDS } from '../../apps/server/src/modules/customers/customers.service.ts';
import type { FieldChange } from '../../apps/server/src/platform/audit/audit.schema.ts';
import { createdFields } from '../../apps/server/src/platform/audit/audit.service.ts';
import { hashPassword } from '../../apps/server/src/platform/auth/password.ts';
import { buildCustomers, type CustomerPlan } from './demo/customers.ts';
import { createDemoOrg, USER_MOBILES } from './demo/org.ts';
import { Rng, shanghaiDate } from './demo/rng.ts';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_CUSTOMERS = 200;
const SEED = 20240601;
const REQUEST_ID = 'demo-data';
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

/** Same as customers.service.ts builds it. */
export const searchTextOf = (c: { no: string; name: string; mobileNorm: string | null; creditCode: string | null }) =>
  [c.no, c.name, c.mobileNorm, c.creditCode].filter(Boolean).join(' ').toLowerCase();

interface AuditRow {
  at: Date;
  actorId: number;
  entityType: string;
  entityId: number;
  action: string;
  changes: FieldChange[];
}

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
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = new Rng(SEED);
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

    // Customers, in creation order so ids and numbers follow time.
    const values = plans.map((p, i) => {
      const lastFollowUp = p.followUps.at(-1)?.createdAt ?? null;
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
        ownerId: p.ownerId,
        ownerDeptId: p.ownerDeptId,
        lastFollowUpAt: lastFollowUp,
        searchText: searchTextOf({ no: nos[i], name: p.name, mobileNorm: p.mobile, creditCode: p.creditCode }),
        version: p.upgrade ? 2 : 1,
        createdBy: p.ownerId,
        createdAt: p.createdAt,
        updatedAt: p.upgrade?.at ?? p.createdAt,
      };
    });
    const ids: number[] = [];
    await insertChunked(values, 100, async (chunk) => {
      const rows = await tx.insert(customers).values(chunk).returning({ id: customers.id, no: customers.no });
      const byNo = new Map(rows.map((r) => [r.no, r.id]));
      for (const v of chunk) ids.push(byNo.get(v.no) as number);
    });
    plans.forEach((p, i) => {
      const v = values[i];
      const created = { ...v, class: p.upgrade?.from ?? p.class };
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
    });

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

    // Audit trail in time order (timelines sort by audit id).
    audit.sort((a, b) => a.at.getTime() - b.at.getTime());
    await insertChunked(audit, 500, (chunk) =>
      tx.insert(auditLog).values(chunk.map((a) => ({ ...a, requestId: REQUEST_ID }))),
    );
  });
}
