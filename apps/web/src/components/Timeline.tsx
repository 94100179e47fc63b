import {
  DeleteOutlined,
  EditOutlined,
  FileTextOutlined,
  MessageOutlined,
  PlusCircleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { formatMoney, isAmount, isIsoDateTime, PRICE_MASK } from '@sales/core';
import { Timeline as AntTimeline, Empty, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../app/i18n';
import { formatDate, formatDateTime } from './format';
import { MoneyText } from './MoneyText';

export interface TimelineChange {
  field: string;
  old: unknown;
  new: unknown;
  /** Prices withheld from this user (SPEC 1.2): a null amount reads ＊＊＊, not empty. */
  masked?: boolean;
}

export interface TimelineFollowUp {
  type: string;
  content: string;
  outcome: string | null;
  contactName?: string | null;
  nextAction?: string | null;
  nextActionDate?: string | null;
}

/** A document of the record (quote, order, delivery note, payment, invoice) created or changing status. */
export interface TimelineDocument {
  type: string;
  id: number;
  no: string;
  amount: string | null;
  /** Its status now. */
  status: string;
  /** The status change this entry made, if it made one. */
  statusFrom: string | null;
  statusTo: string | null;
}

/** How document types are shown: status dictionary and detail page. */
const DOCUMENTS: Record<string, { statusDict: string; path: (id: number) => string }> = {
  quote: { statusDict: 'quote.status', path: (id) => `/quotes/${id}` },
  order: { statusDict: 'order.status', path: (id) => `/orders/${id}` },
  delivery: { statusDict: 'delivery.status', path: (id) => `/deliveries/${id}` },
  payment: { statusDict: 'finance.paymentStatus', path: (id) => `/finance/payments/${id}` },
  invoice: { statusDict: 'finance.invoiceStatus', path: (id) => `/finance/invoices/${id}` },
  service_ticket: { statusDict: 'service.status', path: (id) => `/service/tickets/${id}` },
  complaint: { statusDict: 'complaint.status', path: (id) => `/complaints/${id}` },
  return_visit: { statusDict: 'visit.status', path: (id) => `/return-visits/${id}` },
  sales_return: { statusDict: 'returns.status', path: (id) => `/returns/${id}` },
};

export interface TimelineEntry {
  id: string | number;
  at: string;
  kind: 'audit' | 'followup' | 'document';
  /** Audited entity ('customer', 'customer_contact', 'follow_up'…); decides labels. */
  entityType?: string;
  action: string;
  actorName: string | null;
  changes?: TimelineChange[] | null;
  comment?: string | null;
  followUp?: TimelineFollowUp | null;
  document?: TimelineDocument | null;
}

/** How entries of one entity type are labelled. */
export interface TimelineEntityConfig {
  /** Locale namespace for field labels: `fields.<fields>.<field>`. */
  fields: string;
  /** Prefix of the action label key: `timeline.action.<prefix><action>` (e.g. 'contact_'). */
  actionPrefix?: string;
  /** field → dictionary namespace used to translate values (e.g. class → dict.customerClass). */
  valueDicts?: Record<string, string>;
  /** action → locale key rendering the comment (default `timeline.comment`), e.g. transfer → reason. */
  commentKeys?: Record<string, string>;
}

export interface TimelineProps {
  entries: TimelineEntry[];
  /** Label configuration per entity type; `default` applies to entries without a known type. */
  entities: Record<string, TimelineEntityConfig> & { default: TimelineEntityConfig };
}

const ACTION_ICONS: Record<string, ReactNode> = {
  create: <PlusCircleOutlined />,
  update: <EditOutlined />,
  transfer: <SwapOutlined />,
  delete: <DeleteOutlined />,
  followup: <MessageOutlined />,
  document: <FileTextOutlined />,
};

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  transfer: 'orange',
  delete: 'red',
  followup: 'gray',
  document: 'purple',
};

/** Audited fields holding an amount (decimal strings): shown with ¥ and separators. */
const MONEY_FIELDS = new Set([
  'amount',
  'creditLimit',
  'totalGross',
  'standardPrice',
  'floorPrice',
  'newStandardPrice',
  'newFloorPrice',
  'receivedAmount',
  'invoicedAmount',
  'received',
  'invoiced',
  'cost',
  'tendered',
  'excess',
]);

/** Audit + follow-up history rendered with antd Timeline (newest first as given). */
export function Timeline({ entries, entities }: TimelineProps) {
  const { t } = useTranslation();

  const formatValue = (cfg: TimelineEntityConfig, field: string, value: unknown, masked = false): string => {
    if (masked && (value === null || value === undefined)) return PRICE_MASK;
    if (value === null || value === undefined || value === '') return t('timeline.empty');
    if (Array.isArray(value))
      return value.length
        ? value.map((v) => formatValue(cfg, field, v)).join(t('timeline.listSeparator'))
        : t('timeline.empty');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'object') return JSON.stringify(value);
    const dict = cfg.valueDicts?.[field];
    if (dict) return t(`${dict}.${String(value)}`);
    // By the value's kind: instants in local time, amounts with separators (issue 11: ISO strings).
    if (isIsoDateTime(value)) return formatDateTime(value);
    if (MONEY_FIELDS.has(field) && isAmount(value)) return formatMoney(value, currentLanguage(), { symbol: true });
    return String(value);
  };

  if (entries.length === 0) {
    return (
      <div data-testid="timeline">
        <Empty description={t('timeline.none')} />
      </div>
    );
  }

  // A change whose old and new values read the same (e.g. the department on a same-department transfer) says nothing.
  // A masked amount is null on both sides, though it changed.
  const changed = (c: TimelineChange) =>
    (c.masked && c.new === null) || JSON.stringify(c.old ?? null) !== JSON.stringify(c.new ?? null);

  const documentItem = (e: TimelineEntry, d: TimelineDocument) => {
    const meta = DOCUMENTS[d.type];
    const status = (s: string | null) =>
      s
        ? t(`${meta?.statusDict ?? 'timeline.document'}.${s}`, { defaultValue: t('timeline.document.unknownStatus') })
        : '';
    const label = t(`timeline.document.type.${d.type}`, { defaultValue: t('timeline.document.type.other') });
    const what = d.statusTo && d.statusFrom ? 'changed' : 'created';
    return {
      key: String(e.id),
      color: ACTION_COLORS.document,
      icon: ACTION_ICONS.document,
      title: formatDateTime(e.at),
      content: (
        <div data-testid="timeline-item" data-doc-type={d.type}>
          <Typography.Text strong>
            {t(`timeline.document.${what}`, {
              actor: e.actorName ?? t('timeline.system'),
              type: label,
              from: status(d.statusFrom),
              to: status(d.statusTo),
            })}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            {meta ? (
              <Link to={meta.path(d.id)} data-testid="timeline-document-link">
                {d.no}
              </Link>
            ) : (
              d.no
            )}
            {d.amount !== null ? (
              <>
                {' · '}
                <MoneyText value={d.amount} />
              </>
            ) : null}
            {' · '}
            <Typography.Text type="secondary">
              {t('timeline.document.now', { status: status(d.status) })}
            </Typography.Text>
          </div>
          {e.comment ? (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('timeline.comment', { comment: e.comment })}</Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    };
  };

  const items = entries.map((e) => {
    if (e.kind === 'document' && e.document) return documentItem(e, e.document);
    const changes = (e.changes ?? []).filter(changed);
    const action = e.kind === 'followup' ? 'followup' : e.action;
    const cfg = (e.entityType && entities[e.entityType]) || entities.default;
    const actionKey = e.kind === 'followup' ? 'followup' : `${cfg.actionPrefix ?? ''}${e.action}`;
    const fieldLabel = (field: string) => t(`fields.${cfg.fields}.${field}`, { defaultValue: field });
    return {
      key: String(e.id),
      color: ACTION_COLORS[action] ?? 'blue',
      icon: ACTION_ICONS[action],
      title: formatDateTime(e.at),
      content: (
        <div data-testid="timeline-item">
          <Typography.Text strong>
            {t('timeline.actorDid', {
              actor: e.actorName ?? t('timeline.system'),
              action: t(`timeline.action.${actionKey}`, { defaultValue: actionKey }),
            })}
          </Typography.Text>
          {changes.length ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
              {changes.map((c) => {
                const text =
                  e.action === 'create'
                    ? t('timeline.set', {
                        field: fieldLabel(c.field),
                        value: formatValue(cfg, c.field, c.new, c.masked),
                      })
                    : t('timeline.change', {
                        field: fieldLabel(c.field),
                        old: formatValue(cfg, c.field, c.old, c.masked),
                        new: formatValue(cfg, c.field, c.new, c.masked),
                      });
                return (
                  <li key={c.field} data-testid="timeline-change">
                    {c.masked ? <Tooltip title={t('common.pricesMasked')}>{text}</Tooltip> : text}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {e.followUp ? (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                [{t(`dict.followUpType.${e.followUp.type}`, { defaultValue: e.followUp.type })}
                {e.followUp.outcome
                  ? ` / ${t(`dict.followUpOutcome.${e.followUp.outcome}`, { defaultValue: e.followUp.outcome })}`
                  : ''}
                ]
              </Typography.Text>{' '}
              <span style={{ whiteSpace: 'pre-wrap' }}>{e.followUp.content}</span>
              {e.followUp.nextAction || e.followUp.nextActionDate ? (
                <div>
                  <Typography.Text type="secondary">
                    {t('followUp.nextActionLine', {
                      action: e.followUp.nextAction ?? '',
                      date: e.followUp.nextActionDate ? formatDate(e.followUp.nextActionDate) : '',
                    })}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          ) : null}
          {e.comment ? (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                {t(cfg.commentKeys?.[e.action] ?? 'timeline.comment', { comment: e.comment })}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    };
  });

  return (
    <div data-testid="timeline">
      <AntTimeline items={items} titleSpan="150px" />
    </div>
  );
}
