/**
 * Quality records of the demo company (SPEC 5.7; seed 000 ISO9001销售服务管理程序 3.2): the internal
 * audit of 销售一部's sales-service process, reported, with a closed corrective action (implemented,
 * verified), one past its due date (the overdue sweep flags it to its owner) and a preventive one
 * still in time; an after-sales audit planned; and the controlled documents the seeds name, one of
 * them revised (its holders' copies replaced) and a form whose old copy is still out.
 */
import { addFinding, createAudit, reportAudit } from '../../../apps/server/src/modules/quality/audits.service.ts';
import { implementCapa, raiseCapa, verifyCapa } from '../../../apps/server/src/modules/quality/capa.service.ts';
import { distributeDocument } from '../../../apps/server/src/modules/quality/distributions.service.ts';
import { createDocument, issueVersion } from '../../../apps/server/src/modules/quality/documents.service.ts';
import '../../../apps/server/src/modules/quality/index.ts';
import { demoCtx } from './ctx.ts';
import { addDays, shanghaiDate } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

async function audits(world: DemoWorld, today: string) {
  const { tx, org } = world;
  const id = (u: string) => userId(org, u);
  const ctxAt = (u: string, date: string, time = '10:00:00') => demoCtx(tx, id(u), 'demo-data', at(date, time));
  const day = addDays(today, -30);
  const qa = await ctxAt('qa', day, '09:00:00');
  const { id: auditId } = await createAudit(qa, {
    title: `${day.slice(0, 4)}年度销售服务过程内部审核（销售一部）`,
    scope: '销售服务管理程序：客户需求分析、销售提案、合同签订、售后服务；文件控制与记录',
    auditDate: day,
    auditedDeptId: org.deptIds.销售一部,
    leadAuditorId: id('qa'),
    auditors: '韩冬（组长）、邓伟',
  });
  const findings = [
    {
      clause: '3.1.1',
      description: '抽查 10 份销售需求分析表，2 份未记录客户对需求的确认。',
      severity: 'minor' as const,
    },
    { clause: '3.2.1', description: '门店仍在使用旧版报价单表单（未受控版本）。', severity: 'minor' as const },
    { clause: '4', description: '售后服务响应时间未按月统计分析，建议纳入月报。', severity: 'observation' as const },
  ];
  let version = 1;
  const findingIds: number[] = [];
  for (const f of findings) {
    const r = await addFinding(await ctxAt('qa', day, '11:00:00'), auditId, { version, ...f });
    findingIds.push(r.id);
    version += 1;
  }
  const raise = async (i: number, input: Omit<Parameters<typeof raiseCapa>[2], 'findingId'>) =>
    (await raiseCapa(await ctxAt('qa', addDays(day, 1)), auditId, { findingId: findingIds[i], ...input })).id;
  const closed = await raise(0, {
    kind: 'corrective',
    rootCause: '需求分析表无客户确认栏，销售顾问习惯口头确认',
    action: '补录 2 份客户确认；需求分析表增加“客户确认”签字栏并换版',
    ownerId: id('rep1'),
    dueDate: addDays(day, 15),
  });
  await implementCapa(await ctxAt('rep1', addDays(day, 9), '15:00:00'), closed, {
    version: 1,
    note: '2 份已补客户签字确认；新版需求分析表已启用',
  });
  await verifyCapa(
    await ctxAt('qa', addDays(day, 12), '10:30:00'),
    closed,
    { version: 2, note: '抽查 5 份新表均有客户确认，措施有效' },
    true,
  );
  await raise(1, {
    kind: 'corrective',
    rootCause: '换版后未回收门店旧版表单',
    action: '回收门店旧版报价单，发放现行受控版本',
    ownerId: id('supervisor1'),
    dueDate: addDays(today, -4),
  });
  await raise(2, {
    kind: 'preventive',
    rootCause: null,
    action: '在月度报告中增加售后响应时间统计与分析',
    ownerId: id('manager1'),
    dueDate: addDays(today, 20),
  });
  await reportAudit(await ctxAt('qa', addDays(day, 2), '16:00:00'), auditId, {
    version,
    conclusion: '销售一部销售服务过程总体受控；一般不符合 2 项，观察项 1 项，已下达纠正和预防措施。',
  });
  await createAudit(await ctxAt('qa', addDays(today, -3)), {
    title: `${today.slice(0, 4)}年度售后服务过程内部审核`,
    scope: '服务过程控制程序：交付、回访、顾客异议处理',
    auditDate: addDays(today, 12),
    auditedDeptId: org.deptIds.售后服务部,
    leadAuditorId: id('qa'),
    auditors: '韩冬',
  });
}

async function documents(world: DemoWorld, today: string) {
  const { tx, org } = world;
  const id = (u: string) => userId(org, u);
  const qaAt = (date: string) => demoCtx(tx, id('qa'), 'demo-data', at(date, '09:30:00'));
  const start = addDays(today, -120);
  const mk = async (
    code: string,
    title: string,
    kind: 'procedure' | 'form',
    label: string,
    effectiveDate: string,
    dept: keyof typeof org.deptIds,
  ) =>
    (
      await createDocument(await qaAt(start), {
        code,
        title,
        kind,
        ownerDeptId: org.deptIds[dept],
        label,
        effectiveDate,
        changeSummary: null,
      })
    ).id;
  const sales = await mk('XK-ZC7.2-2016', '销售服务控制程序', 'procedure', '2016-E', '2016-03-20', '商务部');
  await distributeDocument(await qaAt(start), sales, {
    holderIds: ['manager1', 'supervisor1', 'rep1', 'rep2'].map(id),
  });
  const revised = addDays(today, -25);
  await issueVersion(await qaAt(revised), sales, {
    version: 1,
    label: `${revised.slice(0, 4)}-A`,
    effectiveDate: revised,
    changeSummary: '增加客户需求确认签字要求（内审纠正措施）',
    reissue: true,
  });
  const service = await mk('XX-XX-022', '服务过程控制程序', 'procedure', 'A/0', '2020-03-20', '售后服务部');
  await distributeDocument(await qaAt(start), service, { holderIds: ['engineer', 'svcmanager', 'service'].map(id) });
  await mk('XXXX-QP7.5.1-2015', '销售服务提供过程控制程序', 'procedure', 'B/0', '2015-06-01', '商务部');
  await mk('XK-JL-7.2-01', '顾客异议处理单', 'form', 'A/1', '2019-01-01', '商务部');
  const returnsForm = await mk('XK-JL-7.2-02', '销后退回申请表', 'form', 'A/0', '2019-01-01', '商务部');
  await distributeDocument(await qaAt(start), returnsForm, { holderIds: [id('rep1'), id('warehouse')] });
  // Revised without replacing the copies yet: two copies of the old version are still out.
  await issueVersion(await qaAt(addDays(today, -6)), returnsForm, {
    version: 1,
    label: 'A/1',
    effectiveDate: addDays(today, -6),
    changeSummary: '审批顺序调整为采购部→质管部→运营部',
    reissue: false,
  });
}

export async function createQualityRecords(world: DemoWorld): Promise<void> {
  const today = shanghaiDate(world.now);
  await audits(world, today);
  await documents(world, today);
}
