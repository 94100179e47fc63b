import { afterSalesFixtures } from './after-sales.ts';
import { analyticsFixtures } from './analytics.ts';
import { appraisalFixtures } from './appraisal.ts';
import { attachmentFixtures } from './attachments.ts';
import { contractFixtures } from './contracts.ts';
import { customerFixtures } from './customers.ts';
import { dealerFixtures } from './dealers.ts';
import { deliveryFixtures } from './deliveries.ts';
import { disciplineFixtures } from './discipline.ts';
import { eventFixtures } from './events.ts';
import { expenseFixtures } from './expenses.ts';
import { financeFixtures } from './finance.ts';
import { frontDeskFixtures } from './front-desk.ts';
import { importFixtures } from './imports.ts';
import { inquiryFixtures } from './inquiries.ts';
import { integrationFixtures } from './integrations.ts';
import { milestoneFixtures } from './milestones.ts';
import { opportunityFixtures } from './opportunities.ts';
import { orderFixtures } from './orders.ts';
import { planFixtures } from './plans.ts';
import { platformFixtures } from './platform.ts';
import { poolFixtures } from './pool.ts';
import { productFixtures } from './products.ts';
import { qualityFixtures } from './quality.ts';
import { quoteFixtures } from './quotes.ts';
import { reportFixtures } from './reports.ts';
import { researchFixtures } from './research.ts';
import { returnFixtures } from './returns.ts';
import { serviceFixtures } from './service.ts';
import { stockFixtures } from './stock.ts';
import { trainingFixtures } from './training.ts';
import type { ScopeFixtureFile } from './types.ts';
import { worklogFixtures } from './worklogs.ts';

/**
 * Every fixture file, in setup order: a setup may use the fixtures of the files above it.
 * A new module adds one line at the end (see README.md).
 */
export const SCOPE_FIXTURE_FILES: Readonly<Record<string, ScopeFixtureFile>> = {
  customers: customerFixtures,
  platform: platformFixtures,
  opportunities: opportunityFixtures,
  pool: poolFixtures,
  frontDesk: frontDeskFixtures,
  product: productFixtures,
  stock: stockFixtures,
  quote: quoteFixtures,
  contract: contractFixtures,
  order: orderFixtures,
  delivery: deliveryFixtures,
  finance: financeFixtures,
  integrations: integrationFixtures,
  service: serviceFixtures,
  afterSales: afterSalesFixtures,
  returns: returnFixtures,
  milestones: milestoneFixtures,
  analytics: analyticsFixtures,
  worklogs: worklogFixtures,
  reports: reportFixtures,
  plans: planFixtures,
  imports: importFixtures,
  events: eventFixtures,
  research: researchFixtures,
  inquiries: inquiryFixtures,
  attachments: attachmentFixtures,
  training: trainingFixtures,
  expenses: expenseFixtures,
  discipline: disciplineFixtures,
  quality: qualityFixtures,
  appraisal: appraisalFixtures,
  dealers: dealerFixtures,
};
