import { expect } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

/** Shared world of the opportunity API tests: two reps' customers and the two seeded pipelines. */
export type Stage = {
  id: number;
  name: string;
  kind: string;
  probability: number;
  checklist: { key: string; label: string; auto: string | null }[];
};
export type Pipeline = {
  id: number;
  code: string | null;
  name: string;
  isDefault: boolean;
  version: number;
  stages: Stage[];
};
export const stage = (p: Pipeline, name: string) => p.stages.find((s) => s.name === name) as Stage;
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export interface OppWorld {
  env: TestEnv;
  org: Org;
  rep1: Client;
  rep2: Client;
  manager1: Client;
  admin: Client;
  customerA: number;
  customerB: number;
  def: Pipeline;
  fourS: Pipeline;
}

export async function openOppWorld(): Promise<OppWorld> {
  const env = await createTestEnv();
  const org = await seedOrg(env);
  const [rep1, rep2, manager1, admin] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'admin'].map((u) => Client.login(env.app, u)),
  );
  const customerA = (await rep1.post('/api/customers', { kind: 'company', name: '杭州明达科技有限公司' })).json().id;
  const customerB = (await rep2.post('/api/customers', { kind: 'company', name: '宁波远航贸易有限公司' })).json().id;
  const pipes: Pipeline[] = (await rep1.get('/api/pipelines')).json().items;
  const def = pipes.find((p) => p.code === 'default') as Pipeline;
  const fourS = pipes.find((p) => p.code === '4s') as Pipeline;
  return { env, org, rep1, rep2, manager1, admin, customerA, customerB, def, fourS };
}

/** Creates an opportunity on customer A in the default pipeline (overridable) and expects 201. */
export async function newOpp(w: OppWorld, who: Client, over: Record<string, unknown> = {}) {
  const res = await who.post('/api/opportunities', {
    name: '数控机床采购',
    customerId: w.customerA,
    pipelineId: w.def.id,
    amount: '120000.00',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const needs = (version = 0) => ({
  needs: '年产能提升 30%，需要 5 台五轴加工中心',
  budget: '600000',
  decisionMakers: [{ name: '陈总', title: '总经理', role: 'decision' }],
  timeline: '三季度内完成采购',
  competitors: [{ name: '某德系品牌', strengths: '品牌', weaknesses: '交期长' }],
  painPoints: '现有设备精度不足',
  version,
});
