import { registerMessages } from '../../platform/i18n/messages.ts';

/** Texts of pre-sale inquiries and requests (SPEC 2.9), zh-CN first. */
registerMessages({
  'zh-CN': {
    'inquiry.mobile_required': '电话咨询请填写联系手机',
    'inquiry.email_required': '邮件咨询请填写电子邮箱',
    'inquiry.handler_invalid': '处理人不存在或不在您的范围内',
    'inquiry.product_invalid': '咨询的产品不存在',
    'inquiry.already_answered': '该咨询已答复',
    'inquiry.already_converted': '该咨询已转化',
    'inquiry.no_customer_permission': '您没有新建客户的权限',
    'presale.sample_field': '样品申请须填写产品、数量和预计归还日期',
    'presale.assignee_invalid': '执行人不存在或不在您的范围内',
    'presale.transition_invalid': '当前状态下不能执行此操作',
    'notify.inquiry.breached': '在线咨询「{contact}」超过 {minutes} 分钟未回复（处理人：{handler}）',
    'notify.presale.assigned': '{by} 指派给您一项售前服务：{detail}',
  },
  'zh-TW': {
    'inquiry.mobile_required': '電話諮詢請填寫聯絡手機',
    'inquiry.email_required': '郵件諮詢請填寫電子郵箱',
    'inquiry.handler_invalid': '處理人不存在或不在您的範圍內',
    'inquiry.product_invalid': '諮詢的產品不存在',
    'inquiry.already_answered': '該諮詢已答覆',
    'inquiry.already_converted': '該諮詢已轉化',
    'inquiry.no_customer_permission': '您沒有新建客戶的權限',
    'presale.sample_field': '樣品申請須填寫產品、數量和預計歸還日期',
    'presale.assignee_invalid': '執行人不存在或不在您的範圍內',
    'presale.transition_invalid': '目前狀態下不能執行此操作',
    'notify.inquiry.breached': '線上諮詢「{contact}」超過 {minutes} 分鐘未回覆（處理人：{handler}）',
    'notify.presale.assigned': '{by} 指派給您一項售前服務：{detail}',
  },
  'en-US': {
    'inquiry.mobile_required': 'A phone inquiry needs a mobile number',
    'inquiry.email_required': 'An e-mail inquiry needs an e-mail address',
    'inquiry.handler_invalid': 'The handler does not exist or is outside your scope',
    'inquiry.product_invalid': 'A product asked about does not exist',
    'inquiry.already_answered': 'This inquiry has already been answered',
    'inquiry.already_converted': 'This inquiry has already been converted',
    'inquiry.no_customer_permission': 'You may not create customers',
    'presale.sample_field': 'A sample request needs the product, quantity and expected return date',
    'presale.assignee_invalid': 'The assignee does not exist or is outside your scope',
    'presale.transition_invalid': 'This action is not allowed in the current state',
    'notify.inquiry.breached':
      'Online inquiry from {contact} not answered within {minutes} minutes (handler: {handler})',
    'notify.presale.assigned': '{by} assigned you a pre-sale request: {detail}',
  },
});
