/**
 * Sales opportunities (商机) of the demo in the two seeded pipelines, at every stage including won
 * and lost. Each one is played forward from its creation as the services would record it: stage
 * moves, checklist ticks (the items of every stage passed are done), the needs-analysis form and
 * proposals that tick the automatic items, then the win or the loss — with the audit trail.
 */
import { type LostCategory, toMoneyString } from '@sales/core';
import { inArray, sql } from 'drizzle-orm';
import {
  opportunities,
  opportunityNeedsAnalyses,
  opportunityProposals,
  pipelines,
} from '../../../apps/server/src/db/schema.ts';
import type {
  ChecklistState,
  NeedsAnalysisData,
} from '../../../apps/server/src/modules/opportunities/opportunities.schema.ts';
import { AUDITED_FIELDS } from '../../../apps/server/src/modules/opportunities/opportunities.service.ts';
import type { StageDef } from '../../../apps/server/src/modules/opportunities/opportunities.state.ts';
import { loadStages } from '../../../apps/server/src/modules/opportunities/pipelines.service.ts';
import type { FieldChange } from '../../../apps/server/src/platform/audit/audit.schema.ts';
import { createdFields } from '../../../apps/server/src/platform/audit/audit.service.ts';
import { PRODUCTS } from './dictionaries.ts';
import { personName } from './identifiers.ts';
import { addDays, DAY, HOUR, officeTime, type Rng, shanghaiDate } from './rng.ts';
import { type AuditRow, type DemoCustomer, type DemoWorld, reserveNumbers } from './world.ts';

const FORM_FIELDS = [
  'needs',
  'budget',
  'budgetNote',
  'decisionMakers',
  'timeline',
  'expectedPurchaseDate',
  'competitors',
  'painPoints',
  'remark',
] as const;
const PROPOSAL_FIELDS = ['title', 'items', 'price', 'deliveryTerm', 'sentOn', 'remark'] as const;

/** How many opportunities stand in each stage (by position), per pipeline code. */
const LAYOUT: Record<'default' | '4s', number[]> = {
  default: [5, 5, 5, 4, 5, 3],
  '4s': [2, 1, 2, 2, 2, 2, 1, 1, 2, 1],
};

const PROJECTS = [
  '年度设备采购项目',
  '二期产线改造',
  '新厂区设备配套',
  '智能工厂升级项目',
  '产线自动化改造',
  '仓储物流升级',
  '数字化车间建设',
  '老旧设备更新',
  '检测线扩建项目',
];
const PRIVATE_CARS = ['家庭用车购置（中型SUV）', '新能源轿车置换', '首购家用轿车', '旧车置换新车', '商务MPV购置'];
const FLEET_CARS = ['公司用车更新（3台）', '商务接待用车采购（2台）', '工程皮卡采购（4台）', '员工班车采购'];
const LOST: Record<'default' | '4s', [LostCategory, string][]> = {
  default: [
    ['price', '报价高于竞争对手约 12%，客户最终选择了低价方案'],
    ['competitor', '客户选择了本地供应商，对方交期短一个月'],
    ['budget', '客户年度技改预算被削减，项目取消'],
    ['timing', '客户项目推迟到明年，暂不采购'],
    ['no_response', '客户联系人离职，多次联系无进展'],
    ['product', '我司设备加工范围无法满足客户工件尺寸要求'],
  ],
  '4s': [
    ['price', '客户在其他门店以更低价格成交'],
    ['timing', '客户决定暂缓购车，明年再看'],
  ],
};
const COMPETITORS = [
  { name: '德系品牌代理商', strengths: '品牌知名度高，精度稳定', weaknesses: '价格高，交期 4 个月以上' },
  { name: '本地设备厂', strengths: '价格低，响应快', weaknesses: '精度和售后体系一般' },
  { name: '日系品牌直营', strengths: '设备可靠性好', weaknesses: '定制化能力弱' },
];
const PAIN_POINTS = [
  '现有设备故障率高，产能不足，订单交期经常延误。',
  '人工成本上涨，招工难，希望减少一线操作人员。',
  '客户的主机厂要求提升质量追溯能力。',
  '车间物料周转混乱，库存数据不准。',
];
const TIMELINES = [
  '本季度完成选型，下季度签约',
  '年底前完成招标',
  '先做样件测试，通过后立项采购',
  '预算已批，等待集团审批流程',
];

interface Opp {
  pipeline: { id: number; code: 'default' | '4s' };
  stages: StageDef[];
  customer: DemoCustomer;
  name: string;
  amount: number;
  product: string;
  createdAt: Date;
  /** Open stages it went through, in order; the last is where it stands (or stood when closed). */
  path: StageDef[];
  close: { kind: 'won' | 'lost'; at: Date; category?: LostCategory; reason?: string } | null;
  expectedCloseDate: string;
  remark: string | null;
}

function between(rng: Rng, from: number, to: number): Date {
  return new Date(from + rng.next() * Math.max(0, to - from));
}

const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);

export async function createOpportunities(w: DemoWorld, rng: Rng) {
  const { tx, now } = w;
  const t = now.getTime();
  const today = shanghaiDate(now);
  const rows = await tx
    .select({ id: pipelines.id, code: pipelines.code })
    .from(pipelines)
    .where(inArray(pipelines.code, ['default', '4s']));
  const used = new Map<number, number>();
  const plans: Opp[] = [];

  for (const code of ['default', '4s'] as const) {
    const p = rows.find((r) => r.code === code);
    if (!p) continue;
    const stages = await loadStages(tx, p.id);
    const open = stages.filter((s) => s.kind === 'open');
    stages.forEach((stage, si) => {
      for (let k = 0; k < (LAYOUT[code][si] ?? 0); k++) {
        const closing = stage.kind === 'open' ? null : stage.kind;
        // Where it stands (open), or the open stage it was closed from.
        const last =
          closing === 'won' ? open.length - 1 : closing === 'lost' ? rng.int(0, open.length - 1) : open.indexOf(stage);
        const fleet = code === '4s' && rng.chance(0.35);
        const closeAt = closing ? officeTime(addDays(today, -rng.int(2, 45)), rng) : null;
        const end = closeAt?.getTime() ?? t - 2 * HOUR;
        const span = (rng.int(6, 16) + 10 * last) * DAY;
        const candidates = w.customers.filter(
          (c) =>
            c.ownerId !== null &&
            (used.get(c.id) ?? 0) < (c.plan ? 2 : 1) &&
            (code === 'default' || fleet ? c.kind === 'company' : c.kind === 'individual') &&
            // The front desk's new visitors are the 4S funnel's fresh leads.
            (c.plan !== null || (code === '4s' && last <= 1)) &&
            !(closing === 'won' && c.nearReclaim) &&
            // Its owner has had it long enough for the stages it went through.
            c.stableSince.getTime() < end - (last + 1) * 2 * DAY,
        );
        if (candidates.length === 0) continue;
        const customer = rng.pick(candidates);
        used.set(customer.id, (used.get(customer.id) ?? 0) + 1);
        const createdAt = new Date(
          Math.max(
            officeTime(shanghaiDate(new Date(end - span)), rng).getTime(),
            customer.stableSince.getTime() + 2 * HOUR,
          ),
        );
        const product = rng.pick(PRODUCTS);
        let name: string;
        let amount: number;
        if (code === 'default') {
          const r = rng.next();
          name =
            r < 0.45 ? rng.pick(PROJECTS) : r < 0.75 ? `${rng.pick(PROJECTS)}（${product}）` : `${product}采购项目`;
          amount = round(rng.int(80_000, 2_800_000), 10_000);
        } else if (fleet) {
          name = rng.pick(FLEET_CARS);
          amount = round(rng.int(400_000, 1_200_000), 1_000);
        } else {
          name = rng.pick(PRIVATE_CARS);
          amount = round(rng.int(130_000, 420_000), 1_000);
        }
        const lost = closing === 'lost' ? rng.pick(LOST[code]) : null;
        plans.push({
          pipeline: { id: p.id, code },
          stages,
          customer,
          name,
          amount,
          product,
          createdAt,
          path: open.slice(0, last + 1),
          close: closeAt
            ? { kind: closing as 'won' | 'lost', at: closeAt, category: lost?.[0], reason: lost?.[1] }
            : null,
          expectedCloseDate: closeAt
            ? addDays(shanghaiDate(closeAt), rng.int(-10, 12))
            : addDays(today, rng.int(-7, 20) + (open.length - 1 - last) * rng.int(5, 15)),
          remark: rng.chance(0.25)
            ? rng.pick(['客户决策链较长，需总部审批', '需提供同行业案例', '关注交期和售后响应', '可申请技改补贴'])
            : null,
        });
      }
    });
  }
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const played = plans.map((o) => play(rng, o, t));
  await writeAll(w, played);
}

interface ProposalPlan {
  title: string;
  items: string;
  price: string;
  deliveryTerm: string | null;
  sentOn: string | null;
  remark: string | null;
  createdAt: Date;
  answer: { response: 'accepted' | 'rejected'; at: Date; note: string | null } | null;
}

/** An opportunity played forward: its final row, form, proposals and audit entries (ids filled in later). */
interface Played {
  o: Opp;
  row: Omit<typeof opportunities.$inferInsert, 'no' | 'searchText'>;
  needs: { data: NeedsAnalysisData; at: Date } | null;
  proposals: ProposalPlan[];
  audit: ((ids: { opp: number; proposals: number[] }) => AuditRow)[];
}

/** Plays one opportunity forward as the services would record it (pure). */
function play(rng: Rng, o: Opp, t: number): Played {
  const owner = o.customer.ownerId as number;
  const ownerDeptId = o.customer.ownerDeptId as number;
  const first = o.path[0];
  const end = o.close?.at.getTime() ?? t - HOUR;
  // Moves into path[1..]: spread over the life of the opportunity.
  const moves: Date[] = [];
  for (let i = 1; i < o.path.length; i++) {
    const slot = (end - o.createdAt.getTime()) / o.path.length;
    moves.push(between(rng, o.createdAt.getTime() + slot * (i - 0.3), o.createdAt.getTime() + slot * i));
  }
  const later: Played['audit'] = [];
  const checklist: ChecklistState = {};
  let version = 1;
  let updatedAt = o.createdAt;
  let needs: Played['needs'] = null;
  const proposals: ProposalPlan[] = [];
  const bump = (at: Date) => {
    version += 1;
    if (at > updatedAt) updatedAt = at;
  };
  const tick = (stage: StageDef, keys: string[], at: Date, auto: boolean) => {
    const state = { ...(checklist[String(stage.id)] ?? {}) };
    for (const k of keys) state[k] = { at: at.toISOString(), by: owner };
    checklist[String(stage.id)] = state;
    bump(at);
    const changes = keys.map((k) => ({
      field: 'checklist',
      old: null,
      new: `${stage.name}：${stage.checklist.find((i) => i.key === k)?.label ?? k}`,
    }));
    later.push(({ opp }) => ({
      at,
      actorId: owner,
      entityType: 'opportunity',
      entityId: opp,
      action: 'checklist',
      changes,
      comment: auto ? 'auto' : null,
    }));
  };
  const contactName = o.customer.plan?.contacts[0]?.name ?? o.customer.name;

  o.path.forEach((stage, i) => {
    const enter = i === 0 ? o.createdAt : moves[i - 1];
    const leave = i < o.path.length - 1 ? moves[i] : o.close ? o.close.at : null;
    const stop = (leave ?? new Date(t - HOUR)).getTime();
    const complete = i < o.path.length - 1 || o.close?.kind === 'won';
    const within = (a: number, b: number) =>
      between(rng, enter.getTime() + (stop - enter.getTime()) * a, enter.getTime() + (stop - enter.getTime()) * b);
    for (const item of stage.checklist) {
      if (item.auto === 'needs_analysis') {
        if (!complete && !rng.chance(0.5)) continue;
        const at = within(0.3, 0.8);
        needs = { data: needsForm(rng, o, contactName), at };
        tick(stage, [item.key], at, true);
      } else if (item.auto === 'proposal_accepted') {
        // The proposal (revised once, sometimes) that the customer accepts, or is still considering.
        const accepted = complete || rng.chance(0.3);
        const revised = rng.chance(0.35);
        const sent = within(0.05, 0.3);
        const base = { items: proposalItems(rng, o), deliveryTerm: '合同签订后 60 天内交货，含安装调试', remark: null };
        const price = (f: number) => toMoneyString(round(o.amount * f, 1000));
        if (revised) {
          const rejectedAt = within(0.3, 0.45);
          proposals.push({
            ...base,
            title: `${o.product}技术方案及报价`,
            price: price(1.08),
            sentOn: shanghaiDate(sent),
            createdAt: sent,
            answer: { response: 'rejected', at: rejectedAt, note: '价格偏高，要求优化配置后重新报价' },
          });
        }
        const at2 = revised ? within(0.5, 0.6) : sent;
        const lostHere = !complete && o.close?.kind === 'lost';
        proposals.push({
          ...base,
          title: `${o.product}技术方案及报价${revised ? '（修订版）' : ''}`,
          price: price(1),
          sentOn: shanghaiDate(at2),
          createdAt: at2,
          answer: accepted
            ? { response: 'accepted', at: within(0.7, 0.95), note: '客户确认方案，进入商务谈判' }
            : lostHere
              ? { response: 'rejected', at: within(0.7, 0.95), note: o.close?.reason ?? null }
              : null,
        });
        const answer = proposals.at(-1)?.answer;
        if (answer?.response === 'accepted') tick(stage, [item.key], answer.at, true);
      } else if (complete || rng.chance(0.5)) {
        tick(stage, [item.key], within(0.2, 0.9), false);
      }
    }
  });

  const created = {
    name: o.name,
    customerId: o.customer.id,
    pipelineId: o.pipeline.id,
    stageId: first.id,
    amount: toMoneyString(o.amount),
    expectedCloseDate: o.expectedCloseDate,
    probabilityOverride: null,
    remark: o.remark,
    ownerId: owner,
    ownerDeptId,
    createdBy: owner,
  };
  later.push(({ opp }) => ({
    at: o.createdAt,
    actorId: owner,
    entityType: 'opportunity',
    entityId: opp,
    action: 'create',
    changes: createdFields(created, AUDITED_FIELDS),
  }));
  const moveChange = (from: number, to: number): FieldChange[] => [{ field: 'stageId', old: from, new: to }];
  moves.forEach((at, i) => {
    bump(at);
    later.push(({ opp }) => ({
      at,
      actorId: owner,
      entityType: 'opportunity',
      entityId: opp,
      action: 'move',
      changes: moveChange(o.path[i].id, o.path[i + 1].id),
    }));
  });
  const lastOpen = o.path[o.path.length - 1];
  let stageId = lastOpen.id;
  if (o.close) {
    const close = o.close;
    const target = o.stages.find((s) => s.kind === close.kind) as StageDef;
    stageId = target.id;
    bump(close.at);
    const closedOn = shanghaiDate(close.at);
    later.push(({ opp }) => ({
      at: close.at,
      actorId: owner,
      entityType: 'opportunity',
      entityId: opp,
      action: close.kind === 'won' ? 'win' : 'lose',
      changes: [
        ...moveChange(lastOpen.id, target.id),
        { field: 'status', old: 'open', new: close.kind },
        { field: 'closedOn', old: null, new: closedOn },
        ...(close.kind === 'lost'
          ? [
              { field: 'lostReason', old: null, new: close.reason ?? null },
              { field: 'lostCategory', old: null, new: close.category ?? null },
            ]
          : []),
      ],
      comment: close.kind === 'lost' ? (close.reason ?? null) : null,
    }));
  }

  const form = needs as Played['needs'];
  if (form)
    later.push(({ opp }) => ({
      at: form.at,
      actorId: owner,
      entityType: 'opportunity',
      entityId: opp,
      action: 'needs_analysis',
      changes: createdFields(form.data, FORM_FIELDS).map((c) => ({ ...c, field: `needsAnalysis.${c.field}` })),
    }));
  proposals.forEach((p, k) => {
    later.push(({ proposals: ids }) => ({
      at: p.createdAt,
      actorId: owner,
      entityType: 'opportunity_proposal',
      entityId: ids[k],
      action: 'create',
      changes: createdFields(proposalValues(p), PROPOSAL_FIELDS),
    }));
    const answer = p.answer;
    if (answer)
      later.push(({ proposals: ids }) => ({
        at: answer.at,
        actorId: owner,
        entityType: 'opportunity_proposal',
        entityId: ids[k],
        action: 'respond',
        changes: [
          { field: 'response', old: 'pending', new: answer.response },
          { field: 'respondedOn', old: null, new: shanghaiDate(answer.at) },
          ...(answer.note ? [{ field: 'responseNote', old: null, new: answer.note }] : []),
        ],
        comment: answer.note,
      }));
  });
  return {
    o,
    row: {
      ...created,
      stageId,
      lastOpenStageId: o.close ? lastOpen.id : null,
      status: o.close?.kind ?? 'open',
      lostReason: o.close?.kind === 'lost' ? (o.close.reason ?? null) : null,
      lostCategory: o.close?.kind === 'lost' ? (o.close.category ?? null) : null,
      closedOn: o.close ? shanghaiDate(o.close.at) : null,
      checklist,
      version,
      createdAt: o.createdAt,
      updatedAt,
    },
    needs: form,
    proposals,
    audit: later,
  };
}

const proposalValues = (p: ProposalPlan) => ({
  title: p.title,
  items: p.items,
  price: p.price,
  deliveryTerm: p.deliveryTerm,
  sentOn: p.sentOn,
  remark: p.remark,
});

/** Writes the played opportunities in a few statements, numbered SJ-YYYY-NNNNNN in creation order. */
async function writeAll(w: DemoWorld, played: Played[]) {
  const { tx } = w;
  if (played.length === 0) return;
  const nos = await reserveNumbers(
    tx,
    'opportunity',
    'SJ',
    played.map((p) => p.o.createdAt),
  );
  const rows = await tx
    .insert(opportunities)
    .values(played.map((p, i) => ({ ...p.row, no: nos[i], searchText: `${nos[i]} ${p.o.name}`.toLowerCase() })))
    .returning({ id: opportunities.id, no: opportunities.no });
  const idOf = new Map(rows.map((r) => [r.no, r.id]));
  const oppIds = nos.map((no) => idOf.get(no) as number);
  const forms = played.flatMap((p, i) =>
    p.needs
      ? [
          {
            opportunityId: oppIds[i],
            data: p.needs.data,
            updatedBy: p.row.ownerId,
            createdAt: p.needs.at,
            updatedAt: p.needs.at,
          },
        ]
      : [],
  );
  if (forms.length) await tx.insert(opportunityNeedsAnalyses).values(forms);
  const key = (oppId: number, at: Date) => `${oppId}|${at.toISOString()}`;
  const proposalRows = played.flatMap((p, i) =>
    p.proposals.map((pr) => ({
      ...proposalValues(pr),
      opportunityId: oppIds[i],
      response: pr.answer?.response ?? 'pending',
      respondedOn: pr.answer ? shanghaiDate(pr.answer.at) : null,
      responseNote: pr.answer?.note ?? null,
      version: pr.answer ? 2 : 1,
      createdBy: p.row.ownerId,
      createdAt: pr.createdAt,
      updatedAt: pr.answer?.at ?? pr.createdAt,
    })),
  );
  const proposalIdOf = new Map<string, number>();
  if (proposalRows.length) {
    const ins = await tx.insert(opportunityProposals).values(proposalRows).returning({
      id: opportunityProposals.id,
      opportunityId: opportunityProposals.opportunityId,
      createdAt: opportunityProposals.createdAt,
    });
    for (const r of ins) proposalIdOf.set(key(r.opportunityId, r.createdAt), r.id);
  }
  played.forEach((p, i) => {
    const ids = {
      opp: oppIds[i],
      proposals: p.proposals.map((pr) => proposalIdOf.get(key(oppIds[i], pr.createdAt)) as number),
    };
    for (const f of p.audit) w.audit.push(f(ids));
  });

  // A won deal is the customer's latest deal (the no-deal reclaim clock restarts).
  const deals = new Map<DemoCustomer, Date>();
  for (const p of played) {
    const close = p.o.close;
    if (close?.kind !== 'won') continue;
    const c = p.o.customer;
    if (!c.lastDealAt || c.lastDealAt < close.at) {
      c.lastDealAt = close.at;
      deals.set(c, close.at);
    }
  }
  if (deals.size)
    await tx.execute(sql`
      update customers c set last_deal_at = v.at, version = c.version + 1, updated_at = greatest(c.updated_at, v.at)
      from (values ${sql.join(
        [...deals].map(([c, at]) => sql`(${c.id}::bigint, ${at.toISOString()}::timestamptz)`),
        sql`, `,
      )}) as v(id, at)
      where c.id = v.id`);
}

function proposalItems(rng: Rng, o: Opp): string {
  const qty = rng.int(1, 4);
  return `${o.product} × ${qty} 套；配套工装夹具及软件；安装调试、操作培训；整机质保 2 年，7×24 小时远程运维`;
}

function needsForm(rng: Rng, o: Opp, contact: string): NeedsAnalysisData {
  const budget = toMoneyString(round(o.amount * (0.85 + rng.next() * 0.3), 10_000));
  if (o.pipeline.code === '4s') {
    return {
      needs: rng.pick([
        '家庭用车，偏好 SUV，关注油耗、空间和安全配置。',
        '公司商务接待用车，要求舒适性好，统一颜色和内饰。',
        '置换现有车辆，希望旧车评估价格合理，关注新能源车型。',
      ]),
      budget,
      budgetNote: rng.pick(['含购置税和保险', '考虑贷款分期 3 年', null]),
      decisionMakers: [{ name: contact, title: null, role: 'decision', attitude: '对车型满意，关注优惠幅度' }],
      timeline: rng.pick(['本月内提车', '年底前购车', '等年终奖发放后决定']),
      expectedPurchaseDate: o.expectedCloseDate,
      competitors: [{ name: '同品牌其他门店', strengths: '报价略低', weaknesses: '距离远，售后不便' }],
      painPoints: null,
      remark: null,
    };
  }
  const second = personName(rng).name;
  return {
    needs: `计划采购${o.product}，用于${rng.pick(['新产线建设', '现有产线升级', '扩大产能', '替换老旧设备'])}，要求${rng.pick(['节拍提升 20% 以上', '加工精度 ±0.01mm', '与现有 MES 系统对接', '三个月内交付投产'])}。`,
    budget,
    budgetNote: rng.pick(['已纳入年度技改预算', '含税，分三期付款', '需集团审批，预算可能调整', null]),
    decisionMakers: [
      { name: contact, title: '总经理', role: 'decision', attitude: '关注投资回报周期' },
      {
        name: second,
        title: rng.pick(['设备部主管', '技术总监', '生产经理']),
        role: 'influence',
        attitude: '倾向我司方案',
      },
    ],
    timeline: rng.pick(TIMELINES),
    expectedPurchaseDate: o.expectedCloseDate,
    competitors: rng.sample(COMPETITORS, rng.int(1, 2)),
    painPoints: rng.pick(PAIN_POINTS),
    remark: null,
  };
}
