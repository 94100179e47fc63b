import { registerMessages } from '../../platform/i18n/messages.ts';

/** Error, notification and task texts of customer development and the public pool (zh-CN first). */
registerMessages({
  'zh-CN': {
    'timeline.frontdesk_route': '{kind:frontdesk.kind} · {reason:frontdesk.routeReason}',
    'timeline.via_front_desk': '经前台登记',
    'approval.summary.customer_credit': '{no} {customer}：信用额度 ¥{creditLimit:money}，账期 {days} 天',
    'pool.reclaimReason.no_follow_up': '超期未跟进',
    'pool.reclaimReason.no_deal': '超期未成交',
    'notify.pool.reclaim_warning': '客户「{customerName}」（{customerNo}）将于 {date:date} 被收回公海，请及时跟进',
    'notify.pool.reclaimed': '客户「{customerName}」（{customerNo}）已被收回公海：{reason:pool.reclaimReason}',
    'notify.pool.released': '您的客户「{customerName}」（{customerNo}）已被主管退回公海：{reason}',
    'notify.pool.assigned': '公海客户「{customerName}」（{customerNo}）已分配给您：{reason}',
    'validation.phone.lead_required': '来电客户必须留下有效的联系电话',
    'validation.birthDate.future': '出生日期不能晚于今天',
    'validation.birthDate.too_early': '出生日期不能早于 1900-01-01',
    'customer.savedFilter.name_taken': '已有同名的保存筛选',
  },
  'zh-TW': {
    'timeline.frontdesk_route': '{kind:frontdesk.kind} · {reason:frontdesk.routeReason}',
    'timeline.via_front_desk': '經前台登記',
    'approval.summary.customer_credit': '{no} {customer}：信用額度 ¥{creditLimit:money}，帳期 {days} 天',
    'pool.reclaimReason.no_follow_up': '逾期未跟進',
    'pool.reclaimReason.no_deal': '逾期未成交',
    'notify.pool.reclaim_warning': '客戶「{customerName}」（{customerNo}）將於 {date:date} 被收回公海，請及時跟進',
    'notify.pool.reclaimed': '客戶「{customerName}」（{customerNo}）已被收回公海：{reason:pool.reclaimReason}',
    'notify.pool.released': '您的客戶「{customerName}」（{customerNo}）已被主管退回公海：{reason}',
    'notify.pool.assigned': '公海客戶「{customerName}」（{customerNo}）已分配給您：{reason}',
    'validation.phone.lead_required': '來電客戶必須留下有效的聯絡電話',
    'validation.birthDate.future': '出生日期不能晚於今天',
    'validation.birthDate.too_early': '出生日期不能早於 1900-01-01',
    'customer.savedFilter.name_taken': '已有同名的儲存篩選',
  },
  'en-US': {
    'timeline.frontdesk_route': '{kind:frontdesk.kind} · {reason:frontdesk.routeReason}',
    'timeline.via_front_desk': 'via the front desk',
    'approval.summary.customer_credit': '{no} {customer}: credit limit ¥{creditLimit:money}, payment terms {days} days',
    'pool.reclaimReason.no_follow_up': 'no follow-up in time',
    'pool.reclaimReason.no_deal': 'no deal in time',
    'notify.pool.reclaim_warning':
      'Customer “{customerName}” ({customerNo}) returns to the pool on {date:date}; follow up in time',
    'notify.pool.reclaimed':
      'Customer “{customerName}” ({customerNo}) was reclaimed to the pool: {reason:pool.reclaimReason}',
    'notify.pool.released':
      'Your customer “{customerName}” ({customerNo}) was released to the pool by a manager: {reason}',
    'notify.pool.assigned': 'Pool customer “{customerName}” ({customerNo}) was assigned to you: {reason}',
    'validation.phone.lead_required': 'A phone lead needs a valid phone number',
    'validation.birthDate.future': 'The birth date cannot be later than today',
    'validation.birthDate.too_early': 'The birth date cannot be earlier than 1900-01-01',
    'customer.savedFilter.name_taken': 'A saved filter with this name already exists',
  },
});
