import { registerMessages } from '../../platform/i18n/messages.ts';

/** Error and task texts of the front desk's ownership conflicts (归属冲突, zh-CN first). */
registerMessages({
  'zh-CN': {
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
