import { registerMessages } from '../../platform/i18n/messages.ts';

/** Texts of distributors (经销商, SPEC 5.5), zh-CN first. */
registerMessages({
  'zh-CN': {
    'dealers.user_invalid': '人员不存在、已停用或不在您的管理范围内',
    'dealers.customer_invalid': '客户不存在或不在您的管理范围内',
    'dealers.customer_taken': '该客户已登记为经销商 {no}',
    'dealers.reward_reason_required': '提出奖励时请填写奖励理由',
    'dealers.future_date': '拜访日期不能晚于今天',
    'dealers.future_month': '只能考评已开始的月份',
  },
  'zh-TW': {
    'dealers.user_invalid': '人員不存在、已停用或不在您的管理範圍內',
    'dealers.customer_invalid': '客戶不存在或不在您的管理範圍內',
    'dealers.customer_taken': '該客戶已登記為經銷商 {no}',
    'dealers.reward_reason_required': '提出獎勵時請填寫獎勵理由',
    'dealers.future_date': '拜訪日期不能晚於今天',
    'dealers.future_month': '只能考評已開始的月份',
  },
  'en-US': {
    'dealers.user_invalid': 'The person does not exist, is inactive or is outside your scope',
    'dealers.customer_invalid': 'The customer does not exist or is outside your scope',
    'dealers.customer_taken': 'This customer is dealer {no} already',
    'dealers.reward_reason_required': 'Enter the reason for the reward',
    'dealers.future_date': 'The visit date cannot be after today',
    'dealers.future_month': 'Only a month that has begun can be reviewed',
  },
});
