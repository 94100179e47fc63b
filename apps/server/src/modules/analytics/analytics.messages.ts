import { registerMessages } from '../../platform/i18n/messages.ts';

/** Texts of the indicator engine, zh-CN first. */
registerMessages({
  'zh-CN': {
    'analytics.measure_unknown': '未知的指标',
    'analytics.department_unknown': '部门不存在',
    'analytics.period_invalid': '起始日期不能晚于截止日期',
  },
  'zh-TW': {
    'analytics.measure_unknown': '未知的指標',
    'analytics.department_unknown': '部門不存在',
    'analytics.period_invalid': '起始日期不能晚於截止日期',
  },
  'en-US': {
    'analytics.measure_unknown': 'Unknown measure',
    'analytics.department_unknown': 'The department does not exist',
    'analytics.period_invalid': 'The start date must not be after the end date',
  },
});
