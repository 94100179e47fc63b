import { registerMessages } from '../../platform/i18n/messages.ts';

/** Texts of post-sale milestone processes (交付后流程), zh-CN first. */
registerMessages({
  'zh-CN': {
    'milestone.target_required': '请选择订单或合同（二选一）',
    'milestone.department_invalid': '责任部门不存在',
    'milestone.template_invalid': '流程模板不存在或已停用',
    'milestone.step_done': '步骤「{step}」已完成',
    'milestone.documents_missing': '缺少必备资料：{names}',
    'task.milestone.late': '交付后流程 {no}（{customer}）步骤「{step}」已逾期，应于 {due:date} 完成',
    'notify.milestone.late': '交付后流程 {no} 步骤「{step}」已逾期（应于 {due:date} 完成）',
  },
  'zh-TW': {
    'milestone.target_required': '請選擇訂單或合約（二選一）',
    'milestone.department_invalid': '責任部門不存在',
    'milestone.template_invalid': '流程範本不存在或已停用',
    'milestone.step_done': '步驟「{step}」已完成',
    'milestone.documents_missing': '缺少必備資料：{names}',
    'task.milestone.late': '交付後流程 {no}（{customer}）步驟「{step}」已逾期，應於 {due:date} 完成',
    'notify.milestone.late': '交付後流程 {no} 步驟「{step}」已逾期（應於 {due:date} 完成）',
  },
  'en-US': {
    'milestone.target_required': 'Choose an order or a contract (one of them)',
    'milestone.department_invalid': 'The responsible department does not exist',
    'milestone.template_invalid': 'The process template does not exist or is inactive',
    'milestone.step_done': 'Step “{step}” is already done',
    'milestone.documents_missing': 'Required documents missing: {names}',
    'task.milestone.late': 'Post-sale process {no} ({customer}): step “{step}” is late, due {due:date}',
    'notify.milestone.late': 'Post-sale process {no}: step “{step}” is late (due {due:date})',
  },
});
