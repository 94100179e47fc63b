import { registerMessages } from '../../platform/i18n/messages.ts';

/** Error, notification and task texts of the front desk (zh-CN first). */
registerMessages({
  'zh-CN': {
    'frontdesk.kind.visit': '来访',
    'frontdesk.kind.call': '来电',
    'frontdesk.routeReason.existing_owner': '老客户 → 原负责人',
    'frontdesk.routeReason.rotation': '轮值分配',
    'frontdesk.routeReason.claimed_rep': '指定销售',
    'frontdesk.routeReason.replacement': '补客户',
    'notify.frontdesk.returning':
      '老客户{visitorName}{kind:frontdesk.kind}：「{customerName}」（{customerNo}），请及时接待',
    'notify.frontdesk.assigned':
      '前台分配给您一位{kind:frontdesk.kind}客户{visitorName}：「{customerName}」（{customerNo}，{reason:frontdesk.routeReason}）',
    'notify.frontdesk.survey_flagged': '{repName} 接待的来访者{visitorName}已确认为市场调查，请审批补客户',
    'notify.frontdesk.replacement_granted': '来访者{visitorName}为市场调查，已批准为您补一位客户',
    'frontdesk.conflict.none': '该登记没有待处理的归属冲突',
    'frontdesk.conflict.rep_inactive': '来访者所说的业务员已停用，不能改派给他',
    'task.frontdesk.conflict':
      '归属冲突：{visitorName}说联系过{claimedName}，但客户「{customerName}」属于{ownerName}，请处理',
    'notify.frontdesk.conflict':
      '归属冲突：{visitorName}说联系过{claimedName}，但客户「{customerName}」属于{ownerName}，请处理',
    'notify.frontdesk.conflict_kept': '来访者{visitorName}的归属冲突已处理：客户保留原负责人（{note}）',
    'notify.frontdesk.conflict_reassigned': '来访者{visitorName}的归属冲突已处理：客户改派给所述业务员（{note}）',
  },
  'zh-TW': {
    'frontdesk.kind.visit': '來訪',
    'frontdesk.kind.call': '來電',
    'frontdesk.routeReason.existing_owner': '老客戶 → 原負責人',
    'frontdesk.routeReason.rotation': '輪值分配',
    'frontdesk.routeReason.claimed_rep': '指定業務',
    'frontdesk.routeReason.replacement': '補客戶',
    'notify.frontdesk.returning':
      '老客戶{visitorName}{kind:frontdesk.kind}：「{customerName}」（{customerNo}），請及時接待',
    'notify.frontdesk.assigned':
      '前台分配給您一位{kind:frontdesk.kind}客戶{visitorName}：「{customerName}」（{customerNo}，{reason:frontdesk.routeReason}）',
    'notify.frontdesk.survey_flagged': '{repName} 接待的來訪者{visitorName}已確認為市場調查，請審批補客戶',
    'notify.frontdesk.replacement_granted': '來訪者{visitorName}為市場調查，已核准為您補一位客戶',
    'frontdesk.conflict.none': '該登記沒有待處理的歸屬衝突',
    'frontdesk.conflict.rep_inactive': '來訪者所說的業務員已停用，不能改派給他',
    'task.frontdesk.conflict':
      '歸屬衝突：{visitorName}說聯繫過{claimedName}，但客戶「{customerName}」屬於{ownerName}，請處理',
    'notify.frontdesk.conflict':
      '歸屬衝突：{visitorName}說聯繫過{claimedName}，但客戶「{customerName}」屬於{ownerName}，請處理',
    'notify.frontdesk.conflict_kept': '來訪者{visitorName}的歸屬衝突已處理：客戶保留原負責人（{note}）',
    'notify.frontdesk.conflict_reassigned': '來訪者{visitorName}的歸屬衝突已處理：客戶改派給所述業務員（{note}）',
  },
  'en-US': {
    'frontdesk.kind.visit': 'visit',
    'frontdesk.kind.call': 'call',
    'frontdesk.routeReason.existing_owner': 'returning → owner',
    'frontdesk.routeReason.rotation': 'rotation',
    'frontdesk.routeReason.claimed_rep': 'named rep',
    'frontdesk.routeReason.replacement': 'replacement',
    'notify.frontdesk.returning':
      'Returning customer {visitorName} ({kind:frontdesk.kind}): “{customerName}” ({customerNo}); please attend',
    'notify.frontdesk.assigned':
      'The front desk assigned you {visitorName} ({kind:frontdesk.kind}): “{customerName}” ({customerNo}, {reason:frontdesk.routeReason})',
    'notify.frontdesk.survey_flagged':
      '{visitorName}, received by {repName}, was confirmed as a market survey; please decide on a replacement',
    'notify.frontdesk.replacement_granted':
      '{visitorName} was a market survey: you have been granted a replacement customer',
    'frontdesk.conflict.none': 'This registration has no open ownership conflict',
    'frontdesk.conflict.rep_inactive': 'The rep the visitor named is inactive and cannot take the customer',
    'task.frontdesk.conflict':
      'Ownership conflict: {visitorName} named {claimedName}, but customer “{customerName}” belongs to {ownerName}; please resolve',
    'notify.frontdesk.conflict':
      'Ownership conflict: {visitorName} named {claimedName}, but customer “{customerName}” belongs to {ownerName}; please resolve',
    'notify.frontdesk.conflict_kept':
      'Ownership conflict of visitor {visitorName} settled: the customer stays with its owner ({note})',
    'notify.frontdesk.conflict_reassigned':
      'Ownership conflict of visitor {visitorName} settled: the customer moves to the rep they named ({note})',
  },
});
