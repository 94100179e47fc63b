/**
 * Discipline of the demo company (奖惩, SPEC 5.6; seed 000 员工奖惩处理规定): a warning the rep has
 * acknowledged, a 一级 error with a loss (full compensation plus the 快乐基金 contribution) waiting
 * for the rep's acknowledgement, a reward, and a 三级 incident still a draft before the decision.
 */
import {
  acknowledgeDisciplineRecord,
  decideDisciplineRecord,
} from '../../../apps/server/src/modules/discipline/discipline.decide.ts';
import { createDisciplineRecord } from '../../../apps/server/src/modules/discipline/discipline.service.ts';
import '../../../apps/server/src/modules/discipline/index.ts';
import { demoCtx } from './ctx.ts';
import { addDays, shanghaiDate } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

export async function createDiscipline(world: DemoWorld): Promise<void> {
  const { tx, org, now } = world;
  const today = shanghaiDate(now);
  const id = (u: string) => userId(org, u);
  const ctxAt = (u: string, date: string, time: string) => demoCtx(tx, id(u), 'demo-data', at(date, time));

  // 王磊 forgot to register a walk-in customer: 一级, no loss — a warning, acknowledged.
  const d1 = addDays(today, -16);
  const warn = await createDisciplineRecord(await ctxAt('manager1', d1, '17:10:00'), {
    kind: 'incident',
    personId: id('rep1'),
    occurredOn: d1,
    rule: '来访客户未及时登记（前台集客流程）',
    description: '当日下午接待的来访客户未在系统登记，次日由前台核对时发现。',
    lossAmount: '0',
  });
  await decideDisciplineRecord(await ctxAt('manager1', d1, '17:30:00'), warn.id, {
    version: 1,
    decision: '批评警告，要求当日补录并在周例会上说明',
  });
  await acknowledgeDisciplineRecord(await ctxAt('rep1', addDays(d1, 1), '09:05:00'), warn.id, {
    version: 2,
    comment: '已补录，今后接待后当即登记',
  });

  // 赵敏 wrote the wrong address on a delivery note: ¥180 of re-shipping — 一级 with a loss.
  const d2 = addDays(today, -5);
  const loss = await createDisciplineRecord(await ctxAt('supervisor1', d2, '10:20:00'), {
    kind: 'incident',
    personId: id('rep2'),
    occurredOn: d2,
    rule: '送货单收货地址填写错误',
    description: '客户收货地址门牌号填写错误，货物退回后重新发运，产生二次运费 180 元。',
    lossAmount: '180.00',
  });
  await decideDisciplineRecord(await ctxAt('manager1', addDays(d2, 1), '11:00:00'), loss.id, {
    version: 1,
    decision: '弥补全部运费损失，另按规定上交快乐基金',
  });

  // 吴静 was the quarter's best at developing new customers: a reward.
  const d3 = addDays(today, -9);
  const reward = await createDisciplineRecord(await ctxAt('manager2', d3, '16:00:00'), {
    kind: 'reward',
    personId: id('rep3'),
    occurredOn: d3,
    rule: '季度新客户开发第一名',
    description: '本季度新开发客户 12 家，居销售二部首位。',
    lossAmount: '0',
  });
  await decideDisciplineRecord(await ctxAt('manager2', d3, '16:30:00'), reward.id, {
    version: 1,
    decision: '通报表扬，奖励 500 元',
    rewardAmount: '500.00',
  });

  // 郑凯 promised a customer longer payment terms without approval: ¥1,200 of interest — 三级, a draft.
  const d4 = addDays(today, -2);
  await createDisciplineRecord(await ctxAt('manager2', d4, '15:40:00'), {
    kind: 'incident',
    personId: id('rep4'),
    occurredOn: d4,
    rule: '未经审批擅自承诺延长账期',
    description: '向客户口头承诺账期由 30 天延长至 60 天，未走信用审批，造成资金占用利息损失约 1,200 元。',
    lossAmount: '1200.00',
  });
}
