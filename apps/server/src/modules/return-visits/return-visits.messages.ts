import { registerMessages } from '../../platform/i18n/messages.ts';

/** Error and task texts of return visits and satisfaction surveys (zh-CN first). */
registerMessages({
  'zh-CN': {
    'visit.not_planned': '该回访已完成或已取消',
    'visit.satisfaction_required': '联系上客户时须填写满意度（1–5分）',
    'visit.customer_invalid': '客户不存在或您无权查看',
    'visit.subject.delivery': '送货单 {no} 签收后回访',
    'visit.subject.ticket': '售后工单 {no} 关闭后回访',
    'visit.script.default':
      '您好，这里是售后服务回访。请问产品使用情况如何？对我们的产品和服务满意吗（1–5分）？还有什么意见和建议？',
    'task.visit.due': '回访 {customer}：{subject}',
    'complaint.from_visit.subject': '回访满意度 {score} 分：{customer}',
  },
  'zh-TW': {
    'visit.not_planned': '該回訪已完成或已取消',
    'visit.satisfaction_required': '聯繫上客戶時須填寫滿意度（1–5分）',
    'visit.customer_invalid': '客戶不存在或您無權查看',
    'visit.subject.delivery': '送貨單 {no} 簽收後回訪',
    'visit.subject.ticket': '售後工單 {no} 關閉後回訪',
    'visit.script.default':
      '您好，這裡是售後服務回訪。請問產品使用情況如何？對我們的產品和服務滿意嗎（1–5分）？還有什麼意見和建議？',
    'task.visit.due': '回訪 {customer}：{subject}',
    'complaint.from_visit.subject': '回訪滿意度 {score} 分：{customer}',
  },
  'en-US': {
    'visit.not_planned': 'This visit is already done or cancelled',
    'visit.satisfaction_required': 'A reached customer gives a satisfaction score (1–5)',
    'visit.customer_invalid': 'No such customer, or not yours to see',
    'visit.subject.delivery': 'Return visit after delivery {no} was signed',
    'visit.subject.ticket': 'Return visit after ticket {no} was closed',
    'visit.script.default':
      'Hello, this is the after-sales follow-up call. How is the product working? How satisfied are you with our products and service (1–5)? Any comments or suggestions?',
    'task.visit.due': 'Return visit {customer}: {subject}',
    'complaint.from_visit.subject': 'Return visit scored {score}: {customer}',
  },
});
