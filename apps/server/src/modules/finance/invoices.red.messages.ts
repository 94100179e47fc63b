import { registerMessages } from '../../platform/i18n/messages.ts';

/** Errors of red-letter invoices (红字发票). */
registerMessages({
  'zh-CN': {
    'invoice.red_original_invalid': '发票 {no} 不是可冲红的已开具蓝字发票',
    'invoice.red_exceeds': '红字金额超过发票 {no} 尚可冲红的金额 ¥{open:money}',
  },
  'zh-TW': {
    'invoice.red_original_invalid': '發票 {no} 不是可沖紅的已開立藍字發票',
    'invoice.red_exceeds': '紅字金額超過發票 {no} 尚可沖紅的金額 ¥{open:money}',
  },
  'en-US': {
    'invoice.red_original_invalid': 'Invoice {no} is not an issued original invoice that can be credited',
    'invoice.red_exceeds': 'The red-letter amount exceeds the ¥{open:money} still creditable on invoice {no}',
  },
});
