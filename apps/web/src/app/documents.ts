import { COMPLAINT_STATUS_COLORS } from '../modules/complaints/constants';
import { CONTRACT_STATUS_COLORS } from '../modules/contracts/constants';
import { DELIVERY_STATUS_COLORS } from '../modules/deliveries/constants';
import { INVOICE_STATUS_COLORS, PAYMENT_STATUS_COLORS } from '../modules/finance/constants';
import { STATUS_COLORS as OPPORTUNITY_STATUS_COLORS } from '../modules/opportunities/constants';
import { ORDER_STATUS_COLORS } from '../modules/orders/constants';
import { QUOTE_STATUS_COLORS } from '../modules/quotes/constants';
import { RETURN_STATUS_COLORS } from '../modules/returns/constants';
import { TICKET_STATUS_COLORS } from '../modules/service/constants';

/** The documents of the sales chain (issue 11 item 3), in chain order: opportunity → … → payment. */
export const DOCUMENT_TYPES = [
  'opportunity',
  'quote',
  'contract',
  'order',
  'delivery',
  'invoice',
  'payment',
  // After the sale (issue 12): the customer's service tickets.
  'service_ticket',
  // After-sales records in the customer 360 (issue 12 item 8); they have no chain links.
  'complaint',
  'return_visit',
  'sales_return',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentKind {
  /** Its detail page. */
  path: (id: number) => string;
  /** Its list, filtered to one customer (every list below reads `customerId` from its URL). */
  customerList: (customerId: number) => string;
  /** The API collection (`/api/<api>/:id/links`). */
  api: string;
  /** i18n dictionary of its statuses, and their tag colours. */
  statusDict: string;
  statusColors: Record<string, string>;
}

/** Where each kind of document lives in the web app, and how its status reads. */
export const DOCUMENT_KINDS: Record<DocumentType, DocumentKind> = {
  opportunity: {
    path: (id) => `/opportunities/${id}`,
    customerList: (c) => `/opportunities?customerId=${c}`,
    api: 'opportunities',
    statusDict: 'opportunity.status',
    statusColors: OPPORTUNITY_STATUS_COLORS,
  },
  quote: {
    path: (id) => `/quotes/${id}`,
    customerList: (c) => `/quotes?customerId=${c}`,
    api: 'quotes',
    statusDict: 'quote.status',
    statusColors: QUOTE_STATUS_COLORS,
  },
  contract: {
    path: (id) => `/contracts/${id}`,
    customerList: (c) => `/contracts?customerId=${c}`,
    api: 'contracts',
    statusDict: 'contract.status',
    statusColors: CONTRACT_STATUS_COLORS,
  },
  order: {
    path: (id) => `/orders/${id}`,
    customerList: (c) => `/orders?customerId=${c}`,
    api: 'orders',
    statusDict: 'order.status',
    statusColors: ORDER_STATUS_COLORS,
  },
  delivery: {
    path: (id) => `/deliveries/${id}`,
    customerList: (c) => `/deliveries?customerId=${c}`,
    api: 'deliveries',
    statusDict: 'delivery.status',
    statusColors: DELIVERY_STATUS_COLORS,
  },
  invoice: {
    path: (id) => `/finance/invoices/${id}`,
    customerList: (c) => `/finance/invoices?customerId=${c}`,
    api: 'invoices',
    statusDict: 'finance.invoiceStatus',
    statusColors: INVOICE_STATUS_COLORS,
  },
  payment: {
    path: (id) => `/finance/payments/${id}`,
    customerList: (c) => `/finance/payments?customerId=${c}`,
    api: 'payments',
    statusDict: 'finance.paymentStatus',
    statusColors: PAYMENT_STATUS_COLORS,
  },
  service_ticket: {
    path: (id) => `/service/tickets/${id}`,
    customerList: (c) => `/service/tickets?customerId=${c}`,
    api: 'service-tickets',
    statusDict: 'service.status',
    statusColors: TICKET_STATUS_COLORS,
  },
  complaint: {
    path: (id) => `/complaints/${id}`,
    customerList: (c) => `/complaints?customerId=${c}`,
    api: 'complaints',
    statusDict: 'complaint.status',
    statusColors: COMPLAINT_STATUS_COLORS,
  },
  return_visit: {
    path: (id) => `/return-visits/${id}`,
    customerList: () => `/return-visits?mine=false&status=all`,
    api: 'return-visits',
    statusDict: 'visit.status',
    statusColors: { planned: 'blue', done: 'green', cancelled: 'default' },
  },
  // After the sale (issue 12): in the customer 360, not in the sales chain's links.
  sales_return: {
    path: (id) => `/returns/${id}`,
    customerList: (c) => `/returns?customerId=${c}`,
    api: 'sales-returns',
    statusDict: 'returns.status',
    statusColors: RETURN_STATUS_COLORS,
  },
};
