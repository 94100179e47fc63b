/**
 * The front desk of the demo (集客, SPEC 2.3): a duty group per sales department on duty every
 * day around today, and two weeks of calls and visits registered by the `frontdesk` user, routed
 * as front-desk.service.ts routes them — to the owner of a known customer, to the rep a visitor
 * named, or to the rep on duty by rotation (a new customer is created for them; a visitor whose
 * customer sits in the pool gets it assigned). One visit is flagged as a market survey.
 */
import {
  CustomerInput,
  isValidMobile,
  money,
  normalizeCompanyName,
  normalizePhone,
  type RouteReason,
  type SourceChannel,
  toMoneyString,
} from '@sales/core';
import { sql } from 'drizzle-orm';
import {
  customers,
  dutyGroupMembers,
  dutyGroups,
  dutyRosters,
  dutyRotation,
  followUps,
  frontDeskRegistrations,
} from '../../../apps/server/src/db/schema.ts';
import { AUDITED_FIELDS } from '../../../apps/server/src/modules/customers/customers.service.ts';
import { customerSearchKeys } from '../../../apps/server/src/modules/customers/index.ts';
import { createdFields } from '../../../apps/server/src/platform/audit/audit.service.ts';
import { BUSINESS, CITIES, LEGAL_SUFFIXES, PRODUCTS, TRADE_NAMES } from './dictionaries.ts';
import { Identifiers, personName } from './identifiers.ts';
import { USER_MOBILES } from './org.ts';
import { addDays, DAY, HOUR, officeTime, type Rng, shanghaiDate } from './rng.ts';
import { followUpText, NEXT_ACTIONS } from './texts.ts';
import {
  type AuditRow,
  type DemoCustomer,
  type DemoWorld,
  type Notice,
  readLater,
  reserveNumbers,
  userOf,
} from './world.ts';

/** Roster days around today: registrations of the last two weeks rotate too. */
const ROSTER_FROM = -14;
const ROSTER_TO = 14;
const GROUP_FIELDS = ['name', 'deptId', 'active', 'memberIds'] as const;
const REG_AUDITED = [
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
] as const;
const FOLLOW_UP_FIELDS = ['type', 'content', 'outcome', 'contactId', 'nextAction', 'nextActionDate'] as const;

const CALL_CHANNELS: [SourceChannel, number][] = [
  ['phone', 6],
  ['online', 3],
  ['referral', 2],
  ['exhibition', 1],
];
const VISIT_CHANNELS: [SourceChannel, number][] = [
  ['walk_in', 5],
  ['exhibition', 2],
  ['referral', 2],
  ['outdoor', 1],
  ['conference', 1],
];
const INTENTS = [
  (p: string) => `咨询${p}报价`,
  (p: string) => `了解${p}方案，计划明年一季度采购`,
  (p: string) => `对${p}感兴趣，希望安排技术交流`,
  (p: string) => `参观展厅，重点了解${p}`,
  (p: string) => `现有设备老化，想了解${p}的升级方案`,
  () => '咨询设备售后维保和备件价格',
];
const NOTES = {
  call: [
    '客户从官网看到案例后来电',
    '希望尽快安排技术人员上门',
    '要求下周内给出初步报价',
    '老客户介绍，来电前已看过产品手册',
  ],
  visit: [
    '来访 3 人，含技术负责人',
    '展会上拿过资料，本次带图纸来沟通',
    '要求下周内给出初步报价',
    '参观了展厅和装配车间',
  ],
};
const SURVEY_NOTE =
  '来访者自称某设备厂家采购，详细询问报价、交期和核心部件供应商；接待销售与来访者当面确认为市场调查。';

interface Group {
  id: number;
  name: string;
  deptId: number;
  members: { userId: number; deptId: number; position: number }[];
}

type Route =
  | { type: 'existing'; customer: DemoCustomer }
  | { type: 'pool'; customer: DemoCustomer }
  | { type: 'new' }
  | { type: 'claimed'; repUserId: number; repName: string };

export async function createFrontDesk(w: DemoWorld, rng: Rng) {
  const { tx, org, now } = w;
  const today = shanghaiDate(now);
  const desk = userOf(org, 'frontdesk');
  const dates: string[] = [];
  for (let d = ROSTER_FROM; d <= ROSTER_TO; d++) dates.push(addDays(today, d));

  // Duty groups with their standing members, and the roster for every day (two absences).
  const specs = [
    {
      name: '销售一部轮值',
      dept: '销售一部' as const,
      by: 'manager1',
      members: ['rep1', 'rep2'],
      absent: ['rep2', 2] as const,
    },
    {
      name: '销售二部轮值',
      dept: '销售二部' as const,
      by: 'manager2',
      members: ['rep3', 'rep4'],
      absent: ['rep4', -3] as const,
    },
  ];
  const groups: Group[] = [];
  const absentOn = new Map<string, number>();
  for (const s of specs) {
    const createdAt = officeTime(addDays(today, ROSTER_FROM - 7), rng);
    const by = userOf(org, s.by).id;
    const members = s.members.map((u, i) => ({
      userId: userOf(org, u).id,
      deptId: userOf(org, u).deptId,
      position: i + 1,
    }));
    const input = { name: s.name, deptId: org.deptIds[s.dept], active: true, memberIds: members.map((m) => m.userId) };
    const [row] = await tx
      .insert(dutyGroups)
      .values({ name: input.name, deptId: input.deptId, active: true, createdAt, updatedAt: createdAt })
      .returning({ id: dutyGroups.id });
    await tx
      .insert(dutyGroupMembers)
      .values(members.map((m) => ({ groupId: row.id, userId: m.userId, position: m.position })));
    w.audit.push({
      at: createdAt,
      actorId: by,
      entityType: 'duty_group',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, GROUP_FIELDS),
    });
    const present = members.map((m) => ({ userId: m.userId, absent: false }));
    w.audit.push({
      at: new Date(createdAt.getTime() + 10 * 60_000),
      actorId: by,
      entityType: 'duty_group',
      entityId: row.id,
      action: 'roster',
      changes: dates.map((d) => ({ field: `roster.${d}`, old: [], new: present })),
      comment: dates.join(','),
    });
    // A day off (请假): the manager marks the rep absent on that day.
    const [who, offset] = s.absent;
    const offDay = addDays(today, offset);
    const offUser = userOf(org, who).id;
    absentOn.set(`${row.id}|${offDay}`, offUser);
    const after = present.map((m) => ({ ...m, absent: m.userId === offUser }));
    w.audit.push({
      at: officeTime(addDays(offDay, -rng.int(2, 4)), rng),
      actorId: by,
      entityType: 'duty_group',
      entityId: row.id,
      action: 'roster',
      changes: [{ field: `roster.${offDay}`, old: present, new: after }],
      comment: offDay,
    });
    await tx.insert(dutyRosters).values(
      dates.flatMap((dutyDate) =>
        members.map((m) => ({
          groupId: row.id,
          dutyDate,
          userId: m.userId,
          position: m.position,
          absent: absentOn.get(`${row.id}|${dutyDate}`) === m.userId,
        })),
      ),
    );
    groups.push({ id: row.id, name: s.name, deptId: input.deptId, members });
  }

  // The rotation pointer per group and day, as pickRepOnDuty moves it.
  const rotation = new Map<
    string,
    { groupId: number; date: string; lastUserId: number; lastPosition: number; count: number; at: Date }
  >();
  const pickOnDuty = (g: Group, date: string, at: Date) => {
    const key = `${g.id}|${date}`;
    const present = g.members.filter((m) => absentOn.get(key) !== m.userId);
    const cur = rotation.get(key);
    const next = present.find((m) => !cur || m.position > cur.lastPosition) ?? present[0];
    rotation.set(key, {
      groupId: g.id,
      date,
      lastUserId: next.userId,
      lastPosition: next.position,
      count: (cur?.count ?? 0) + 1,
      at,
    });
    return next;
  };

  // Identifiers and names already taken by the archive.
  const ids = new Identifiers(rng);
  const names = new Set<string>();
  for (const c of w.customers) {
    names.add(normalizeCompanyName(c.name));
    if (c.mobile) ids.reserve([c.mobile]);
    for (const ct of c.plan?.contacts ?? []) ids.reserve([ct.mobile]);
  }
  ids.reserve(USER_MOBILES);
  const companyName = () => {
    for (;;) {
      const city = rng.pick(CITIES);
      const [trade] = rng.pick(TRADE_NAMES);
      const [business] = rng.weighted(BUSINESS.map(([b, ind, wt]) => [[b, ind] as const, wt] as const));
      const name = `${city.name}${trade}${business}${rng.weighted(LEGAL_SUFFIXES)}`;
      if (!names.has(normalizeCompanyName(name))) {
        names.add(normalizeCompanyName(name));
        return name;
      }
    }
  };

  // The registrations of the last two weeks, in time order.
  const moments: Date[] = [];
  for (let d = -13; d <= 0; d++) {
    const date = addDays(today, d);
    const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay();
    const n = weekday === 0 || weekday === 6 ? rng.int(0, 1) : rng.int(2, 4);
    for (let k = 0; k < n; k++) {
      const at = officeTime(date, rng);
      if (at.getTime() < now.getTime() - 20 * 60_000) moments.push(at);
    }
  }
  moments.sort((a, b) => a.getTime() - b.getTime());
  const reps = ['rep1', 'rep2', 'rep3', 'rep4'].map((u) => userOf(org, u));
  const surveyDay = addDays(today, -rng.int(2, 5));
  let surveyDone = false;
  let poolMatches = 0;
  // Built in time order, written in a few statements at the end (ids are filled in then).
  const newCustomers: {
    c: DemoCustomer;
    values: Omit<typeof customers.$inferInsert, 'no' | 'searchText' | 'searchPhone' | 'searchGrams'>;
  }[] = [];
  const regs: {
    customer: DemoCustomer;
    values: Omit<typeof frontDeskRegistrations.$inferInsert, 'customerId' | 'matchedCustomerId'>;
    matched: boolean;
  }[] = [];
  const fus: {
    customer: DemoCustomer;
    f: Omit<typeof followUps.$inferInsert, 'customerId'> & { createdAt: Date; createdBy: number };
  }[] = [];
  const later: ((regIds: number[]) => AuditRow)[] = [];
  const notify: ((regIds: number[]) => Notice)[] = [];
  const grantors = (
    await tx.execute<{ id: number }>(sql`
      select distinct u.id from users u
        join user_roles ur on ur.user_id = u.id
        join role_grants g on g.role_id = ur.role_id and g.permission = 'frontdesk.grant'
      where u.active and g.scope = 'ALL'`)
  ).rows.map((r) => Number(r.id));

  for (const at of moments) {
    const date = shanghaiDate(at);
    const kind = rng.chance(0.55) ? ('call' as const) : ('visit' as const);
    const channel = rng.weighted(kind === 'call' ? CALL_CHANNELS : VISIT_CHANNELS);
    const product = rng.pick(PRODUCTS);
    const intent = rng.chance(0.85) ? rng.pick(INTENTS)(product) : null;
    const budget = rng.chance(0.35) ? toMoneyString(money(rng.int(5, 300) * 10_000)) : null;
    const notes = rng.chance(0.35) ? rng.pick(NOTES[kind]) : null;
    const survey = !surveyDone && kind === 'visit' && date >= surveyDay;
    const regIndex = regs.length;

    // How it routes: about half are known customers, the rest new (some name the rep they met).
    let route: Route = { type: 'new' };
    const roll = rng.next();
    if (survey) {
      // A new visitor by rotation.
    } else if (roll < 0.45) {
      const known = w.customers.filter(
        (c) => c.ownerId !== null && c.plan !== null && c.stableSince.getTime() < at.getTime() - DAY,
      );
      route = { type: 'existing', customer: rng.pick(known) };
    } else if (roll < 0.52) {
      const inPool = w.customers.filter(
        (c) =>
          c.ownerId === null &&
          c.poolId === w.pools.defaultId &&
          c.plan !== null &&
          c.stableSince.getTime() < at.getTime() - 7 * DAY,
      );
      if (inPool.length && poolMatches < 2) {
        route = { type: 'pool', customer: rng.pick(inPool) };
        poolMatches += 1;
      }
    } else if (roll < 0.62) {
      const rep = rng.pick(reps);
      route = { type: 'claimed', repUserId: rep.id, repName: `${rep.name.slice(0, 1)}经理` };
    }

    // Who came and how to reach them.
    let visitorName: string;
    let phone: string | null;
    let company: string | null = null;
    if (route.type === 'existing' || route.type === 'pool') {
      const c = route.customer;
      const contact = c.plan?.contacts[0];
      if (c.kind === 'company') {
        company = c.name;
        visitorName = contact?.name ?? personName(rng).name;
        phone = contact?.mobile ?? null;
      } else {
        visitorName = c.name;
        phone = c.mobile;
      }
    } else {
      visitorName = personName(rng).name;
      phone = rng.chance(0.1) ? `0512-${rng.int(5, 8)}${rng.digits(7)}` : ids.mobile();
      if (!survey && rng.chance(0.5)) company = companyName();
    }
    const phoneNorm = phone ? normalizePhone(phone) : null;
    const mobile = phoneNorm && isValidMobile(phoneNorm) ? phoneNorm : null;

    // The routing decision.
    let routedTo: number;
    let routedDeptId: number;
    let reason: RouteReason;
    let dutyGroupId: number | null = null;
    let customer: DemoCustomer;
    let isNew = false;
    if (route.type === 'existing') {
      customer = route.customer;
      routedTo = customer.ownerId as number;
      routedDeptId = customer.ownerDeptId as number;
      reason = 'existing_owner';
    } else {
      if (route.type === 'claimed') {
        routedTo = route.repUserId;
        routedDeptId = reps.find((r) => r.id === routedTo)?.deptId as number;
        reason = 'claimed_rep';
      } else {
        const g = rng.chance(0.55) ? groups[0] : groups[1];
        const m = pickOnDuty(g, date, at);
        routedTo = m.userId;
        routedDeptId = m.deptId;
        dutyGroupId = g.id;
        reason = 'rotation';
      }
      const ownerId = routedTo;
      const ownerDeptId = routedDeptId;
      if (route.type === 'pool') {
        // assignPoolCustomerInTx: the pool customer becomes the rep's.
        customer = route.customer;
        await tx.execute(sql`
          update customers set owner_id = ${ownerId}, owner_dept_id = ${ownerDeptId}, assigned_at = ${at.toISOString()}::timestamptz,
            pool_entered_at = null, locked_at = null, locked_by = null, version = version + 1,
            updated_at = greatest(updated_at, ${at.toISOString()}::timestamptz)
          where id = ${customer.id}`);
        customer.ownerId = ownerId;
        customer.ownerDeptId = ownerDeptId;
        customer.stableSince = at;
        const id = customer.id;
        later.push(() => ({
          at,
          actorId: desk.id,
          entityType: 'customer',
          entityId: id,
          action: 'pool_assign',
          changes: [
            { field: 'ownerId', old: null, new: ownerId },
            { field: 'ownerDeptId', old: null, new: ownerDeptId },
          ],
          comment: 'front_desk',
        }));
      } else {
        // insertCustomer with the registration as the new customer's archive.
        const remark = [company ? `联系人：${visitorName}` : null, intent, notes].filter(Boolean).join('\n');
        const input = CustomerInput.parse({
          kind: company ? 'company' : 'individual',
          name: company ?? visitorName,
          mobile,
          phone: mobile ? null : phone,
          source: channel,
          remark: remark.slice(0, 1000) || null,
        });
        const values = {
          ...input,
          ownerId,
          ownerDeptId,
          nameNorm: normalizeCompanyName(input.name),
          mobileNorm: input.mobile,
          createdBy: desk.id,
          createdAt: at,
          updatedAt: at,
        };
        customer = {
          id: 0,
          no: '',
          name: input.name,
          kind: input.kind,
          mobile: input.mobile,
          class: null,
          industry: null,
          createdAt: at,
          ownerId,
          ownerDeptId,
          poolId: null,
          lastDealAt: null,
          creditLimit: null,
          paymentTermsDays: null,
          stableSince: at,
          nearReclaim: false,
          plan: null,
        };
        const c = customer;
        newCustomers.push({ c, values });
        later.push(() => ({
          at,
          actorId: desk.id,
          entityType: 'customer',
          entityId: c.id,
          action: 'create',
          changes: createdFields({ ...values, no: c.no }, AUDITED_FIELDS),
          comment: 'front_desk',
        }));
        isNew = true;
      }
    }

    // 市场调查: the rep and the visitor confirm it at the desk; the directors are asked for 补客户.
    const flaggedAt = survey && reason === 'rotation' ? new Date(at.getTime() + rng.int(15, 40) * 60_000) : null;
    const values = {
      kind,
      visitorName,
      phone,
      phoneNorm,
      companyName: company,
      channel,
      intent,
      budget,
      notes,
      repClaimedUserId: route.type === 'claimed' ? route.repUserId : null,
      repClaimedText: route.type === 'claimed' ? route.repName : null,
      dutyGroupId,
      regDate: date,
      matchedInPool: route.type === 'pool',
      isNewCustomer: isNew,
      routedTo,
      routedDeptId,
      routeReason: reason,
      registeredBy: desk.id,
      registeredAt: at,
      ...(flaggedAt
        ? {
            surveyFlaggedAt: flaggedAt,
            surveyFlaggedBy: desk.id,
            surveyRepId: routedTo,
            surveyVisitorConfirmed: true,
            surveyNote: SURVEY_NOTE,
            version: 2,
          }
        : {}),
    };
    regs.push({ customer, values, matched: !isNew });
    const c = customer;
    const to = routedTo;
    later.push(
      (regIds) => ({
        at,
        actorId: desk.id,
        entityType: 'frontdesk_registration',
        entityId: regIds[regIndex],
        action: 'route',
        changes: createdFields({ ...values, customerId: c.id, matchedCustomerId: isNew ? null : c.id }, REG_AUDITED),
        comment: reason,
      }),
      () => ({
        at,
        actorId: desk.id,
        entityType: 'customer',
        entityId: c.id,
        action: 'frontdesk_route',
        changes: [{ field: 'routedTo', old: null, new: to }],
        comment: `${kind}:${reason}`,
      }),
    );
    notify.push(() => ({
      userId: to,
      kind: 'frontdesk.routed',
      titleKey: reason === 'existing_owner' ? 'notify.frontdesk.returning' : 'notify.frontdesk.assigned',
      params: { visitorName, kind, customerName: c.name, customerNo: c.no, reason },
      link: `/customers/${c.id}`,
      createdAt: at,
      readAt: readLater(at, now, 1),
    }));

    // The rep calls a new contact back soon after (their first follow-up).
    if (route.type !== 'existing' && !survey && rng.chance(0.6)) {
      const fuAt = new Date(at.getTime() + rng.int(1, 26) * HOUR + rng.int(0, 59) * 60_000);
      if (fuAt.getTime() < now.getTime() - 30 * 60_000) {
        const type = rng.chance(0.6) ? ('call' as const) : ('wechat' as const);
        const outcome = rng.chance(0.7) ? ('positive' as const) : ('neutral' as const);
        fus.push({
          customer,
          f: {
            contactId: null,
            type,
            content: followUpText(rng, type, outcome, visitorName),
            outcome,
            nextAction: rng.pick(NEXT_ACTIONS),
            nextActionDate: addDays(today, rng.int(1, 10)),
            doneAt: null,
            createdBy: routedTo,
            createdAt: fuAt,
          },
        });
      }
    }

    if (flaggedAt) {
      surveyDone = true;
      const repName = reps.find((r) => r.id === to)?.name ?? '';
      later.push((regIds) => ({
        at: flaggedAt,
        actorId: desk.id,
        entityType: 'frontdesk_registration',
        entityId: regIds[regIndex],
        action: 'market_survey',
        changes: [
          { field: 'surveyRepId', old: null, new: to },
          { field: 'surveyVisitorConfirmed', old: null, new: true },
        ],
        comment: SURVEY_NOTE,
      }));
      for (const g of grantors)
        notify.push((regIds) => ({
          userId: g,
          kind: 'frontdesk.survey',
          titleKey: 'notify.frontdesk.survey_flagged',
          params: { visitorName, repName },
          link: `/front-desk/registrations/${regIds[regIndex]}`,
          createdAt: flaggedAt,
          readAt: null,
        }));
    }
  }

  // New customers, numbered KH-YYYY-NNNNNN in creation order after the archive.
  if (newCustomers.length) {
    const nos = await reserveNumbers(
      tx,
      'customer',
      'KH',
      newCustomers.map((n) => n.c.createdAt),
    );
    const rows = await tx
      .insert(customers)
      .values(
        newCustomers.map(({ values }, i) => ({
          ...values,
          no: nos[i],
          ...customerSearchKeys({ ...values, no: nos[i] }),
        })),
      )
      .returning({ id: customers.id, no: customers.no });
    const idOf = new Map(rows.map((r) => [r.no, r.id]));
    newCustomers.forEach(({ c }, i) => {
      c.id = idOf.get(nos[i]) as number;
      c.no = nos[i];
    });
    w.customers.push(...newCustomers.map((n) => n.c));
  }

  // The registrations (in time order, so ids follow time).
  const regRows = await tx
    .insert(frontDeskRegistrations)
    .values(
      regs.map((r) => ({
        ...r.values,
        customerId: r.customer.id,
        matchedCustomerId: r.matched ? r.customer.id : null,
      })),
    )
    .returning({
      id: frontDeskRegistrations.id,
      at: frontDeskRegistrations.registeredAt,
      name: frontDeskRegistrations.visitorName,
    });
  const regKey = (at: Date, name: string) => `${at.toISOString()}|${name}`;
  const regIdOf = new Map(regRows.map((r) => [regKey(r.at, r.name), r.id]));
  const regIds = regs.map((r) => regIdOf.get(regKey(r.values.registeredAt as Date, r.values.visitorName)) as number);
  for (const f of later) w.audit.push(f(regIds));
  for (const n of notify) w.notices.push(n(regIds));

  // The reps' first follow-ups; a later follow-up closes an earlier open next action (as the app does).
  if (fus.length) {
    const touched = sql.join(
      fus.map(({ customer, f }) => sql`(${customer.id}::bigint, ${f.createdAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      update follow_ups fu set done_at = v.at from (values ${touched}) as v(id, at)
      where fu.customer_id = v.id and fu.done_at is null`);
    const rows = await tx
      .insert(followUps)
      .values(fus.map(({ customer, f }) => ({ ...f, customerId: customer.id })))
      .returning({ id: followUps.id, customerId: followUps.customerId });
    rows.forEach((r, k) => {
      const { f } = fus[k];
      w.audit.push({
        at: f.createdAt,
        actorId: f.createdBy,
        entityType: 'follow_up',
        entityId: r.id,
        action: 'create',
        changes: createdFields(f, FOLLOW_UP_FIELDS),
      });
    });
    await tx.execute(sql`
      update customers c set last_follow_up_at = v.at from (values ${touched}) as v(id, at)
      where c.id = v.id and (c.last_follow_up_at is null or c.last_follow_up_at < v.at)`);
  }

  if (rotation.size)
    await tx.insert(dutyRotation).values(
      [...rotation.values()].map((r) => ({
        groupId: r.groupId,
        dutyDate: r.date,
        lastUserId: r.lastUserId,
        lastPosition: r.lastPosition,
        assignedCount: r.count,
        updatedAt: r.at,
      })),
    );
}
