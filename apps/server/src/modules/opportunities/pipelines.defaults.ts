import type { ChecklistAuto, StageKind } from '@sales/core';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pipelineStages, pipelines } from './opportunities.schema.ts';

interface DefaultStage {
  name: string;
  probability: number;
  kind?: StageKind;
  checklist?: { key: string; label: string; auto?: ChecklistAuto }[];
}

const NEEDS_FORM = { key: 'needs_form', label: '需求分析表已填写', auto: 'needs_analysis' } as const;
const WON = { name: '赢单', probability: 100, kind: 'won' } as const;
const LOST = { name: '输单', probability: 0, kind: 'lost' } as const;

/** The pipelines the seeds describe (SPEC 2.6); companies edit them on the settings page. */
export const DEFAULT_PIPELINES: { code: string; name: string; isDefault: boolean; stages: DefaultStage[] }[] = [
  {
    code: 'default',
    name: '默认销售流程',
    isDefault: true,
    stages: [
      { name: '初步接触', probability: 10 },
      { name: '需求分析', probability: 25, checklist: [NEEDS_FORM] },
      // SPEC 2.6: the proposal must be approved by the customer before moving on.
      {
        name: '方案/提案',
        probability: 50,
        checklist: [{ key: 'proposal_submitted', label: '方案已提交客户', auto: 'proposal_accepted' }],
      },
      { name: '谈判', probability: 75 },
      WON,
      LOST,
    ],
  },
  {
    // The 4S-store sales manual's eight steps.
    code: '4s',
    name: '4S销售流程',
    isDefault: false,
    stages: [
      { name: '集客', probability: 5, checklist: [{ key: 'visit_registered', label: '来店/来电信息已登记' }] },
      { name: '接待', probability: 10, checklist: [{ key: 'contact_kept', label: '已留存客户联系方式' }] },
      { name: '需求分析', probability: 20, checklist: [NEEDS_FORM] },
      { name: '产品介绍', probability: 35, checklist: [{ key: 'walkaround_done', label: '已完成六方位绕车介绍' }] },
      {
        name: '试乘试驾',
        probability: 50,
        checklist: [
          { key: 'license_checked', label: '驾驶证已核验' },
          { key: 'test_drive_agreement', label: '试驾协议已签' },
        ],
      },
      {
        name: '报价成交',
        probability: 70,
        checklist: [
          { key: 'quote_confirmed', label: '报价已获客户确认' },
          { key: 'deposit_received', label: '定金已收取' },
        ],
      },
      {
        name: '交车',
        probability: 90,
        checklist: [
          { key: 'pdi_done', label: '交车前检查(PDI)已完成' },
          { key: 'delivery_signed', label: '客户已签收交车确认单' },
        ],
      },
      { name: '跟踪回访', probability: 95, checklist: [{ key: 'return_visit_done', label: '交车后回访已完成' }] },
      WON,
      LOST,
    ],
  },
];

/** Installs the default pipelines that are missing (by code). Idempotent; safe on every start. */
export async function seedPipelines(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727004)`);
    const codes = DEFAULT_PIPELINES.map((p) => p.code);
    const have = new Set(
      (await tx.select({ code: pipelines.code }).from(pipelines).where(inArray(pipelines.code, codes))).map(
        (r) => r.code,
      ),
    );
    const [{ n }] = (await tx.execute<{ n: number }>(sql`select count(*)::int n from pipelines where is_default`)).rows;
    for (const p of DEFAULT_PIPELINES) {
      if (have.has(p.code)) continue;
      const [row] = await tx
        .insert(pipelines)
        .values({ code: p.code, name: p.name, isDefault: p.isDefault && Number(n) === 0 })
        .returning({ id: pipelines.id });
      await tx.insert(pipelineStages).values(
        p.stages.map((s, i) => ({
          pipelineId: row.id,
          name: s.name,
          position: i + 1,
          probability: s.probability,
          kind: s.kind ?? 'open',
          checklist: (s.checklist ?? []).map((c) => ({ key: c.key, label: c.label, auto: c.auto ?? null })),
        })),
      );
    }
  });
}
