import { afterSalesCases } from './after-sales.ts';
import { appraisalCases } from './appraisal.ts';
import { attachmentCases } from './attachments.ts';
import { contractCases } from './contracts.ts';
import { customerCases, customerHandoverCases } from './customers.ts';
import { dealerCases } from './dealers.ts';
import { deliveryCases } from './deliveries.ts';
import { disciplineCases } from './discipline.ts';
import { eventCases } from './events.ts';
import { expenseCases } from './expenses.ts';
import { financeCases } from './finance.ts';
import { frontDeskCases } from './front-desk.ts';
import { importCases, importKindCases } from './imports.ts';
import { inquiryCases } from './inquiries.ts';
import { integrationCases } from './integrations.ts';
import { listCases } from './lists.ts';
import { milestoneCases } from './milestones.ts';
import { opportunityCases } from './opportunities.ts';
import { orderCases } from './orders.ts';
import { planCases } from './plans.ts';
import { platformCases, workflowCases } from './platform.ts';
import { poolCases } from './pool.ts';
import { productCases } from './products.ts';
import { qualityCases } from './quality.ts';
import { quoteCases } from './quotes.ts';
import { reportCases } from './reports.ts';
import { researchCases } from './research.ts';
import { returnCases } from './returns.ts';
import { serviceCases } from './service.ts';
import { stockCases } from './stock.ts';
import { trainingCases } from './training.ts';
import type { AuditCaseFile } from './types.ts';
import { worklogCases } from './worklogs.ts';

/**
 * Every case group, in run order: a group may read ids stored by the groups above it.
 * A new module adds one line at the end (see README.md).
 */
export const AUDIT_CASE_FILES: Readonly<Record<string, AuditCaseFile>> = {
  platform: platformCases,
  customers: customerCases,
  workflow: workflowCases,
  customerHandover: customerHandoverCases,
  opportunities: opportunityCases,
  pool: poolCases,
  frontDesk: frontDeskCases,
  product: productCases,
  stock: stockCases,
  quote: quoteCases,
  contract: contractCases,
  order: orderCases,
  delivery: deliveryCases,
  finance: financeCases,
  integrations: integrationCases,
  lists: listCases,
  service: serviceCases,
  afterSales: afterSalesCases,
  returns: returnCases,
  milestones: milestoneCases,
  worklogs: worklogCases,
  reports: reportCases,
  plans: planCases,
  imports: importCases,
  events: eventCases,
  importKinds: importKindCases,
  research: researchCases,
  inquiries: inquiryCases,
  attachments: attachmentCases,
  training: trainingCases,
  expenses: expenseCases,
  discipline: disciplineCases,
  quality: qualityCases,
  appraisal: appraisalCases,
  dealers: dealerCases,
};
