/**
 * Invitation attributes of the demo customers (seed 001 客户邀约管理: 性别、年龄、职业、兴趣爱好、
 * 购买意向) and two saved customer filters. Drawn from a generator of their own, so the rest of
 * the demo stays the same. A person's gender and birth date are read from his ID number, as a
 * rep would fill them in; a company's attributes are its decision maker's interests and the
 * company's purchase intent.
 */
import type { Gender, Interest, Occupation, PurchaseIntent } from '@sales/core';
import { ageOn, INTERESTS } from '@sales/core';
import type { Tx } from '../../../apps/server/src/db/client.ts';
import { customerSavedFilters } from '../../../apps/server/src/modules/customers/index.ts';
import type { CustomerPlan } from './customers.ts';
import type { Rng } from './rng.ts';
import type { AuditRow, DemoWorld } from './world.ts';

export interface CustomerAttributes {
  gender: Gender | null;
  birthDate: string | null;
  occupation: Occupation | null;
  interests: Interest[];
  purchaseIntent: PurchaseIntent | null;
}

const OCCUPATION_WEIGHTS: [Occupation, number][] = [
  ['business_owner', 30],
  ['self_employed', 22],
  ['executive', 12],
  ['professional', 10],
  ['employee', 10],
  ['retired', 8],
  ['civil_servant', 4],
  ['freelancer', 3],
  ['other', 1],
];
const INTENT_WEIGHTS: [PurchaseIntent, number][] = [
  ['high', 22],
  ['medium', 34],
  ['low', 28],
  ['none', 16],
];

/**
 * One set of attributes per customer plan, in the plans' order. Each rep's first two people aged
 * 40–60 are business owners keen to buy (the 会销 core audience), so the saved filter
 * "高意向 40-60 岁 企业主" finds someone for every rep.
 */
export function planAttributes(rng: Rng, plans: CustomerPlan[], today: string): CustomerAttributes[] {
  const keen = new Map<number, number>();
  return plans.map((p) => {
    const purchaseIntent = rng.chance(0.9) ? rng.weighted(INTENT_WEIGHTS) : null;
    const interests = rng.chance(0.75) ? (rng.sample(INTERESTS, rng.int(1, 3)) as Interest[]) : [];
    if (p.kind === 'company' || !p.idNumber)
      return { gender: null, birthDate: null, occupation: null, interests, purchaseIntent };
    const id = p.idNumber;
    const age = ageOn(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, today);
    const n = keen.get(p.ownerId) ?? 0;
    const core = age >= 40 && age <= 60 && n < 2;
    if (core) keen.set(p.ownerId, n + 1);
    return {
      // GB 11643: digits 7–14 are the birth date, the 17th is odd for men.
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      occupation: core ? 'business_owner' : rng.weighted(OCCUPATION_WEIGHTS),
      interests,
      purchaseIntent: core ? 'high' : purchaseIntent,
    };
  });
}

/** Two saved filters: rep1's private one and one manager1 shares with 销售一部. */
export async function createSavedFilters(tx: Tx, org: DemoWorld['org'], audit: AuditRow[], at: Date) {
  const user = (name: string) => {
    const u = org.users.get(name);
    if (!u) throw new Error(`unknown demo user ${name}`);
    return u;
  };
  const rows: {
    owner: { id: number; deptId: number };
    name: string;
    shared: boolean;
    filter: Record<string, string>;
  }[] = [
    {
      owner: user('rep1'),
      name: '高意向 40-60 岁 企业主',
      shared: false,
      filter: { purchaseIntent: 'high', ageFrom: '40', ageTo: '60', occupation: 'business_owner' },
    },
    {
      owner: user('manager1'),
      name: '会销邀约：养生/旅游 50 岁以上',
      shared: true,
      filter: { interests: 'health,travel', ageFrom: '50' },
    },
  ];
  for (const r of rows) {
    const [created] = await tx
      .insert(customerSavedFilters)
      .values({
        ownerId: r.owner.id,
        deptId: r.owner.deptId,
        name: r.name,
        shared: r.shared,
        filter: r.filter,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: customerSavedFilters.id });
    audit.push({
      at,
      actorId: r.owner.id,
      entityType: 'customer_saved_filter',
      entityId: created.id,
      action: 'create',
      changes: [
        { field: 'name', old: null, new: r.name },
        { field: 'shared', old: null, new: r.shared },
        { field: 'filter', old: null, new: r.filter },
      ],
    });
  }
}
