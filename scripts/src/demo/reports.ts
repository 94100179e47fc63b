import { addDays, halfOf } from '@sales/core';
import { saveHalfYearReview } from '../../../apps/server/src/modules/reports/index.ts';
import { demoCtx } from './ctx.ts';
import { shanghaiDate } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

// The managers' written part of the last half-year analysis (SPEC 5.1: 广告主题回顾, 建议).
const REVIEWS = [
  {
    manager: 'manager1',
    dept: '销售一部',
    themeReview:
      '上半年以“智造升级，节能增效”为主题，主推变频器与工业机器人：展会两场、行业媒体投放三个月，线上询盘较去年同期明显增加，但展会集客的成交转化偏低。',
    suggestions:
      '下一次推广集中在华东制造业集群，展会后一周内完成全部线索的首次拜访；以老客户转介绍为重点渠道，配套以旧换新方案。',
  },
  {
    manager: 'manager2',
    dept: '销售二部',
    themeReview: '以“省心售后，服务到厂”为主题做老客户回访与区域推介会，推介会到店客户成交率最高，线上投放效果一般。',
    suggestions: '压缩线上投放预算，增加区域推介会场次；新品上市前先在重点客户处试用，收集案例用于宣传。',
  },
];

/** Reviews of the half before the current one, written by the managers through the real use case. */
export async function createReportReviews(world: DemoWorld) {
  const today = shanghaiDate(world.now);
  // A day of the previous half: six months back always lands in it.
  const period = halfOf(addDays(`${today.slice(0, 7)}-01`, -183));
  for (const r of REVIEWS) {
    const deptId = world.org.deptIds[r.dept as keyof typeof world.org.deptIds];
    if (deptId === undefined) continue;
    const ctx = await demoCtx(world.tx, userId(world.org, r.manager), `demo-report-${r.manager}`, world.now);
    await saveHalfYearReview(ctx, {
      period,
      departmentId: deptId,
      themeReview: r.themeReview,
      suggestions: r.suggestions,
    });
  }
}
