import type { ImportColumn } from './import-columns.ts';

/**
 * The columns of a customer import (customers with one contact each), in template order.
 * Aliases: other headers companies' own sheets (and our customer export) use for the same field.
 */
export const CUSTOMER_IMPORT_COLUMNS = [
  {
    key: 'name',
    required: true,
    headers: { 'zh-CN': '客户名称', 'zh-TW': '客戶名稱', 'en-US': 'Name' },
    aliases: ['客户', '公司名称', '单位名称', '企业名称', '名称', '客户全称'],
    width: 32,
  },
  {
    key: 'kind',
    headers: { 'zh-CN': '类型', 'zh-TW': '類型', 'en-US': 'Kind' },
    aliases: ['客户类型', '客户性质'],
  },
  {
    key: 'creditCode',
    headers: { 'zh-CN': '统一社会信用代码', 'zh-TW': '統一社會信用代碼', 'en-US': 'Credit code' },
    aliases: ['信用代码', '社会信用代码', '税号', '纳税人识别号'],
    width: 22,
  },
  {
    key: 'idNumber',
    headers: { 'zh-CN': '身份证号', 'zh-TW': '身分證號', 'en-US': 'ID number' },
    aliases: ['身份证', '身份证号码'],
  },
  {
    key: 'mobile',
    headers: { 'zh-CN': '手机', 'zh-TW': '手機', 'en-US': 'Mobile' },
    aliases: ['手机号', '手机号码', '移动电话'],
  },
  {
    key: 'phone',
    headers: { 'zh-CN': '电话', 'zh-TW': '電話', 'en-US': 'Phone' },
    aliases: ['座机', '固定电话', '联系电话', '办公电话'],
  },
  {
    key: 'email',
    headers: { 'zh-CN': '邮箱', 'zh-TW': '郵箱', 'en-US': 'E-mail' },
    aliases: ['电子邮箱', '邮件', 'email'],
  },
  {
    key: 'address',
    headers: { 'zh-CN': '地址', 'zh-TW': '地址', 'en-US': 'Address' },
    aliases: ['详细地址', '联系地址', '公司地址'],
    width: 32,
  },
  {
    key: 'region',
    headers: { 'zh-CN': '地区', 'zh-TW': '地區', 'en-US': 'Region' },
    aliases: ['省份', '所在地区', '区域'],
  },
  {
    key: 'industry',
    headers: { 'zh-CN': '行业', 'zh-TW': '行業', 'en-US': 'Industry' },
    aliases: ['所属行业'],
  },
  {
    key: 'source',
    headers: { 'zh-CN': '来源', 'zh-TW': '來源', 'en-US': 'Source' },
    aliases: ['来源渠道', '客户来源', '渠道'],
  },
  {
    key: 'class',
    headers: { 'zh-CN': '客户分类', 'zh-TW': '客戶分類', 'en-US': 'Class' },
    aliases: ['等级', '客户等级', '客户级别', '分类'],
  },
  {
    key: 'tags',
    headers: { 'zh-CN': '标签', 'zh-TW': '標籤', 'en-US': 'Tags' },
  },
  {
    key: 'remark',
    headers: { 'zh-CN': '备注', 'zh-TW': '備註', 'en-US': 'Remark' },
    aliases: ['说明', '备注信息'],
  },
  // Attributes for invitations and one-to-one follow-up (SPEC 2.4, seed 001).
  {
    key: 'gender',
    headers: { 'zh-CN': '性别', 'zh-TW': '性別', 'en-US': 'Gender' },
  },
  {
    key: 'birthDate',
    headers: { 'zh-CN': '出生日期', 'zh-TW': '出生日期', 'en-US': 'Birth date' },
    aliases: ['生日', '出生年月日', '出生年月'],
  },
  {
    key: 'occupation',
    headers: { 'zh-CN': '职业', 'zh-TW': '職業', 'en-US': 'Occupation' },
    aliases: ['工作'],
  },
  {
    key: 'interests',
    headers: { 'zh-CN': '兴趣爱好', 'zh-TW': '興趣愛好', 'en-US': 'Interests' },
    aliases: ['兴趣', '爱好', '興趣', '愛好'],
  },
  {
    key: 'purchaseIntent',
    headers: { 'zh-CN': '购买意向', 'zh-TW': '購買意向', 'en-US': 'Purchase intent' },
    aliases: ['意向', '购买意愿', '意向等级'],
  },
  {
    key: 'owner',
    headers: { 'zh-CN': '负责人', 'zh-TW': '負責人', 'en-US': 'Owner' },
    aliases: ['业务员', '销售', '客户经理', '跟进人'],
  },
  {
    key: 'contactName',
    headers: { 'zh-CN': '联系人', 'zh-TW': '聯絡人', 'en-US': 'Contact' },
    aliases: ['联系人姓名', '联系人名称'],
  },
  {
    key: 'contactTitle',
    headers: { 'zh-CN': '联系人职务', 'zh-TW': '聯絡人職務', 'en-US': 'Contact title' },
    aliases: ['职务', '职位'],
  },
  {
    key: 'contactMobile',
    headers: { 'zh-CN': '联系人手机', 'zh-TW': '聯絡人手機', 'en-US': 'Contact mobile' },
    aliases: ['联系人电话'],
  },
  {
    key: 'contactEmail',
    headers: { 'zh-CN': '联系人邮箱', 'zh-TW': '聯絡人郵箱', 'en-US': 'Contact e-mail' },
  },
  {
    key: 'contactWechat',
    headers: { 'zh-CN': '联系人微信', 'zh-TW': '聯絡人微信', 'en-US': 'Contact WeChat' },
    aliases: ['微信', '微信号'],
  },
] as const satisfies readonly ImportColumn[];

export type CustomerImportField = (typeof CUSTOMER_IMPORT_COLUMNS)[number]['key'];
export const CUSTOMER_IMPORT_FIELDS: readonly CustomerImportField[] = CUSTOMER_IMPORT_COLUMNS.map((c) => c.key);
