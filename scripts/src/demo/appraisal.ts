/**
 * Appraisal of the demo company (绩效考核, SPEC 5.2; seed 002 公司营销工作考核细则): last month's run
 * over 销售一部, computed from the demo's plans, orders, complaints and discipline records, with a
 * supervisor's manual scores, one objection approved through the approval engine (考核申诉: the
 * department head, then the sales director; a new version of the rep's result), the others
 * acknowledged or still awaiting acknowledgement, ranked with the champion, and closed.
 */
import '../../../apps/server/src/modules/appraisal/index.ts';
import { sql } from 'drizzle-orm';
import {
  acknowledgeResult,
  addManualScore,
  objectToResult,
} from '../../../apps/server/src/modules/appraisal/appraisal.review.ts';
import { closeRun, OBJECTION_DOC, runAppraisal } from '../../../apps/server/src/modules/appraisal/appraisal.service.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import { demoCtx } from './ctx.ts';
import { shanghaiDate } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

export async function createAppraisal(world: DemoWorld): Promise<void> {
  const { tx, org, now } = world;
  const today = shanghaiDate(now);
  const first = `${today.slice(0, 7)}-01`;
  const [y, m] = today.split('-').map(Number);
  const period = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const id = (u: string) => userId(org, u);
  const ctxAt = (u: string, time: string) => demoCtx(tx, id(u), 'demo-data', at(first, time));

  const run = await runAppraisal(await ctxAt('manager1', '09:00:00'), { period });
  const results = await tx.execute<{ id: number; person_id: number; version: number }>(
    sql`select id, person_id, version from appraisal_results where run_id = ${run.id}`,
  );
  const of = (u: string) => {
    const r = results.rows.find((x) => Number(x.person_id) === id(u));
    if (!r) throw new Error(`demo appraisal: no result for ${u}`);
    return Number(r.id);
  };
  const version = async (resultId: number) =>
    Number(
      (await tx.execute<{ v: number }>(sql`select version v from appraisal_results where id = ${resultId}`)).rows[0].v,
    );

  // The supervisor's score of 钱主管's teamwork, with the evidence.
  const sup = of('supervisor1');
  await addManualScore(await ctxAt('manager1', '09:30:00'), sup, {
    version: await version(sup),
    label: '团队协作',
    points: '2',
    evidence: '带教新人两名，组织本部门周例会并完成会议纪要',
    reason: null,
  });
  // 王磊's return-visit records were incomplete: −3; he objects (they were filled in since), accepted.
  const rep1 = of('rep1');
  await addManualScore(await ctxAt('manager1', '09:40:00'), rep1, {
    version: await version(rep1),
    label: '客户回访',
    points: '-3',
    evidence: '月末抽查 5 家成交客户，2 家回访记录未填写客户意见',
    reason: null,
  });
  await objectToResult(await ctxAt('rep1', '10:15:00'), rep1, {
    version: await version(rep1),
    reason: '两家客户的回访意见已于月底前补录，请在系统中核实',
    points: '3',
  });
  // The objection's approval: 李经理 (head of 销售一部), then the sales director.
  const inst = Number(
    (
      await tx.execute<{ id: number }>(
        sql`select id from approval_instances where doc_type = ${OBJECTION_DOC} and doc_id = ${rep1}`,
      )
    ).rows[0].id,
  );
  await actOnApproval(await ctxAt('manager1', '14:00:00'), inst, 'approve', {
    comment: '核实已于月底前补录，同意撤销该项扣分',
  });
  await actOnApproval(await ctxAt('director', '14:30:00'), inst, 'approve', { comment: '同意' });
  // 赵敏 handed in her monthly work plan late: −2, not acknowledged yet.
  const rep2 = of('rep2');
  await addManualScore(await ctxAt('manager1', '09:50:00'), rep2, {
    version: await version(rep2),
    label: '工作计划',
    points: '-2',
    evidence: '月度工作计划逾期 3 天提交',
    reason: null,
  });
  await acknowledgeResult(await ctxAt('rep1', '15:00:00'), rep1, { version: await version(rep1), comment: '同意' });
  await acknowledgeResult(await ctxAt('supervisor1', '10:40:00'), sup, { version: await version(sup), comment: null });
  await acknowledgeResult(await ctxAt('rep5', '11:05:00'), of('rep5'), {
    version: await version(of('rep5')),
    comment: '已阅，本月加强新客户开发',
  });
  // 赵敏 (rep2) and the assistant have not acknowledged yet; the run is closed all the same.
  const v = Number(
    (await tx.execute<{ v: number }>(sql`select version v from appraisal_runs where id = ${run.id}`)).rows[0].v,
  );
  await closeRun(await ctxAt('manager1', '16:30:00'), run.id, { version: v });
}
