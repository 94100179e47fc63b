/** Follow-up texts: what a sales rep writes after a call, visit, meeting… */
import type { FollowUpOutcome, FollowUpType } from '@sales/core';
import { PRODUCTS } from './dictionaries.ts';
import type { Rng } from './rng.ts';

type Fill = { product: string; contact: string; price: number; quarter: string };

const BY_TYPE: Record<FollowUpType, ((f: Fill) => string)[]> = {
  call: [
    (f) => `电话沟通${f.product}的采购计划，${f.contact}表示${f.quarter}有预算，需要我们先出一版技术方案。`,
    (f) => `与${f.contact}电话确认${f.product}的配置清单，客户希望增加一年延保，报价需调整。`,
    (f) => `电话回访，${f.contact}反馈上次方案已提交领导审批，预计两周内有结果。`,
  ],
  visit: [
    (f) => `上门拜访${f.contact}，参观了生产车间，现有设备老化严重，对${f.product}需求明确。`,
    (f) => `拜访客户，向${f.contact}演示了${f.product}的案例视频，客户对节拍提升很感兴趣。`,
  ],
  sms: [(f) => `短信提醒${f.contact}展会邀请函已寄出，欢迎到展位了解${f.product}。`],
  email: [
    (f) => `邮件发送${f.product}报价单（含税 ${f.price} 万元）及付款方式说明，请${f.contact}确认配置。`,
    (f) => `邮件发送${f.product}技术协议初稿，等待客户技术部反馈修改意见。`,
  ],
  wechat: [
    (f) => `微信发送${f.product}产品资料和同行业案例，${f.contact}已读，表示会转给技术部评估。`,
    (f) => `微信沟通交期，${f.contact}希望${f.quarter}前到货安装。`,
  ],
  meeting: [
    (f) => `与客户技术、采购、财务三方开会，讨论${f.product}的技术参数和付款方式，整体推进顺利。`,
    (f) => `参加客户招标答疑会，${f.product}项目共有 4 家供应商参与。`,
  ],
  test_drive: [(f) => `客户来我司试用${f.product}，对加工精度满意，对交期有顾虑。`],
  site_visit: [(f) => `陪同${f.contact}考察已交付的${f.product}项目现场，客户对运行效果认可。`],
  collection: [(f) => `电话催收${f.product}货款，${f.contact}表示本月底前安排付款。`],
};

const NO_ANSWER = ['电话未接通，稍后再联系。', '连续两次拨打无人接听，已发短信留言。', '对方占线，约定明天上午再打。'];
const NEGATIVE = [
  '客户表示今年预算已冻结，暂无采购计划。',
  '客户已选择其他供应商，原因是价格差距较大。',
  '对方项目暂停，等待集团重新立项。',
];

export const NEXT_ACTIONS = [
  '发送正式报价',
  '安排技术交流',
  '邀请参观工厂',
  '跟进合同审批进度',
  '回访使用情况',
  '确认付款计划',
  '再次电话联系',
  '准备投标文件',
];

export function followUpText(rng: Rng, type: FollowUpType, outcome: FollowUpOutcome, contact: string): string {
  if (outcome === 'no_answer') return rng.pick(NO_ANSWER);
  if (outcome === 'negative' && rng.chance(0.6)) return rng.pick(NEGATIVE);
  const fill: Fill = {
    product: rng.pick(PRODUCTS),
    contact,
    price: rng.int(12, 380),
    quarter: rng.pick(['一季度', '二季度', '三季度', '四季度', '年底', '明年初']),
  };
  return rng.pick(BY_TYPE[type])(fill);
}
