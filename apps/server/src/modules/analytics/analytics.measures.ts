/**
 * The measures of the indicator engine (SPEC 5.1, issue 13 item 1): which fact kinds each sums and
 * how. Every figure of reports, dashboards, plans and appraisal is one of these over analytics_facts.
 */
import type { Measure } from '@sales/core';

export { DIMENSIONS, type Dimension, MEASURES, type Measure } from '@sales/core';

export type ValueKind = 'money' | 'qty' | 'count';

export interface MeasureDef {
  kinds: readonly string[];
  /** Column summed. */
  value: 'amount' | 'net_amount' | 'qty' | 'n' | 'margin';
  valueKind: ValueKind;
  /** Restricts the fact's sub-kind (registration kind …). */
  sub?: string;
  /** Grant needed besides analytics.view (cost is confidential, seed 001 保密范围). */
  needs?: 'product.cost';
}

const SALES = ['order', 'order_cancel', 'return'] as const;

export const MEASURE_DEFS: Record<Measure, MeasureDef> = {
  sales_amount: { kinds: SALES, value: 'amount', valueKind: 'money' },
  sales_net_amount: { kinds: SALES, value: 'net_amount', valueKind: 'money' },
  sales_volume: { kinds: SALES, value: 'qty', valueKind: 'qty' },
  gross_margin: { kinds: SALES, value: 'margin', valueKind: 'money', needs: 'product.cost' },
  orders: { kinds: ['order', 'order_cancel'], value: 'n', valueKind: 'count' },
  invoiced_amount: { kinds: ['invoice'], value: 'amount', valueKind: 'money' },
  collections: { kinds: ['payment'], value: 'amount', valueKind: 'money' },
  new_customers: { kinds: ['customer'], value: 'n', valueKind: 'count' },
  leads: { kinds: ['lead'], value: 'n', valueKind: 'count' },
  front_desk_visits: { kinds: ['lead'], value: 'n', valueKind: 'count', sub: 'visit' },
  lead_deals: { kinds: ['lead_deal'], value: 'n', valueKind: 'count' },
  quotes: { kinds: ['quote'], value: 'n', valueKind: 'count' },
  quote_amount: { kinds: ['quote'], value: 'amount', valueKind: 'money' },
  follow_ups: { kinds: ['follow_up'], value: 'n', valueKind: 'count' },
  stage_entries: { kinds: ['stage'], value: 'n', valueKind: 'count' },
};
