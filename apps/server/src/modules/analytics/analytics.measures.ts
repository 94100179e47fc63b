/**
 * The measures of the indicator engine (SPEC 5.1, issue 13 item 1): which fact kinds each sums and
 * how. Every figure of reports, dashboards, plans and appraisal is one of these over analytics_facts.
 */
export const MEASURES = [
  // Sales from ORDERS (confirmed = passed review), net of cancellations and returns; gross (含税).
  'sales_amount',
  // The same net of tax (不含税).
  'sales_net_amount',
  'sales_volume',
  // Net sales − product cost at booking time; only rows whose product has a cost count.
  'gross_margin',
  // Number of confirmed orders (deals), net of cancellations.
  'orders',
  // From INVOICES: issued gross, red-letter negative, voids reversed.
  'invoiced_amount',
  // From PAYMENTS counted by finance, on the received date.
  'collections',
  'new_customers',
  // Front-desk registrations (集客: calls + showroom visits).
  'leads',
  'front_desk_visits',
  // Leads whose customer placed a first confirmed order.
  'lead_deals',
  'quotes',
  'quote_amount',
  'follow_ups',
  // Opportunities entering a stage (group by 'stage' for the funnel).
  'stage_entries',
] as const;
export type Measure = (typeof MEASURES)[number];

export const DIMENSIONS = [
  'day',
  'week',
  'month',
  'quarter',
  'half',
  'year',
  'department',
  'rep',
  'product',
  'category',
  'region',
  'channel',
  'stage',
  'kind',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

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
