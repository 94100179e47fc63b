import type { G } from './default-roles.ts';

/**
 * Default roles of the after-sales side (issue 12): the sales-return chain of seed 000 第三条
 * (开票组 → 采购 → 质管 → 运营 → 验收员) and the service desk (售后工程师, 售后主管, 客服专员).
 */
export const AFTER_SALES_ROLES: { code: string; name: string; grants: G[] }[] = [
  // 采购部审核 and 运营部审核 in the sales-return chain (seed 000 第三条).
  { code: 'purchasing', name: '采购', grants: [['return.view', 'ALL']] },
  {
    code: 'operations',
    name: '运营',
    grants: [
      ['customer.view', 'ALL'],
      ['return.view', 'ALL'],
    ],
  },
  // Seed 000 第三条: 开票组必须提取原销售单据 — the first step of the sales-return chain.
  {
    code: 'invoicing',
    name: '开票员',
    grants: [
      ['customer.view', 'ALL'],
      ['order.view', 'ALL'],
      ['delivery.view', 'ALL'],
      ['invoice.view', 'ALL'],
      ['return.view', 'ALL'],
    ],
  },
  // Seed 000 第三条: 验收员对销售退回品种确认记账并将实物交与库管 — the chain's last step books the goods.
  {
    code: 'receiving_clerk',
    name: '验收员',
    grants: [
      ['product.view', 'ALL'],
      ['stock.view', 'ALL'],
      ['delivery.view', 'ALL'],
      ['trace.view', 'ALL'],
      ['return.view', 'ALL'],
      ['return.receive', 'ALL'],
    ],
  },
  {
    code: 'service_engineer',
    name: '售后工程师',
    grants: [
      ['customer.view', 'ALL'],
      ['followup.create', 'ALL'],
      ['product.view', 'ALL'],
      // The service desk's tickets; handles the ones assigned to them (owner = engineer).
      ['ticket.view', 'DEPT'],
      ['ticket.create', 'ALL'],
      ['ticket.handle', 'SELF'],
      // Parts used on a ticket are issued from stock: the warehouses and batches to pick from.
      ['stock.view', 'ALL'],
      ['complaint.view', 'SELF'],
      ['complaint.create', 'ALL'],
      ['visit.view', 'SELF'],
      ['visit.record', 'SELF'],
    ],
  },
  {
    code: 'service_supervisor',
    name: '售后主管',
    grants: [
      ['customer.view', 'ALL'],
      ['followup.create', 'ALL'],
      ['product.view', 'ALL'],
      // Dispatches every ticket, whoever took the request (a rep, the hotline), and follows it up.
      ['ticket.view', 'ALL'],
      ['ticket.create', 'ALL'],
      ['ticket.handle', 'ALL'],
      ['sla.manage', 'ALL'],
      ['stock.view', 'ALL'],
      ['delivery.view', 'ALL'],
      ['trace.view', 'ALL'],
      ['complaint.view', 'ALL'],
      ['complaint.create', 'ALL'],
      ['complaint.handle', 'ALL'],
      ['visit.view', 'ALL'],
      ['visit.record', 'ALL'],
      ['survey.manage', 'ALL'],
      // Follows returns and post-sale processes company-wide; files returns for customers.
      ['return.view', 'ALL'],
      ['return.create', 'ALL'],
      ['milestone.view', 'ALL'],
      ['milestone.handle', 'ALL'],
    ],
  },
  // 客服部 (seed 000 销售服务控制程序): return visits and satisfaction, objections taken by phone.
  {
    code: 'customer_service',
    name: '客服专员',
    grants: [
      ['customer.view', 'ALL'],
      ['followup.create', 'ALL'],
      ['product.view', 'ALL'],
      ['ticket.view', 'ALL'],
      ['ticket.create', 'ALL'],
      ['complaint.view', 'ALL'],
      ['complaint.create', 'ALL'],
      ['visit.view', 'ALL'],
      ['visit.record', 'ALL'],
      ['survey.manage', 'ALL'],
    ],
  },
];
