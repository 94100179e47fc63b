import { useQueryClient } from '@tanstack/react-query';
import { Collapse, Empty, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { formatDateTime } from '../../../components/format';
import { Timeline, type TimelineChange, type TimelineProps } from '../../../components/Timeline';
import { formatQty } from '../../stock/format';
import { orderKeys, useOrderApprovals, useOrderReviews, useOrderTimeline } from '../api';
import type { OrderDetail, OrderLine } from '../types';
import { ReviewEvidenceView } from './OrderReviewPanel';

const ENTITIES: TimelineProps['entities'] = {
  default: {
    fields: 'order',
    actionPrefix: 'order_',
    valueDicts: {
      status: 'order.status',
      channel: 'order.channel',
      creditOverride: 'order.creditOverride',
      outcome: 'order.review.outcome',
      blockers: 'order.review.blocker',
    },
    commentKeys: { cancel: 'timeline.reason', return_to_draft: 'timeline.reason', confirm: 'timeline.comment' },
  },
  order_line: { fields: 'orderLine', actionPrefix: 'order_line_' },
  production_task: { fields: 'productionTask', actionPrefix: 'task_', valueDicts: { status: 'planner.taskStatus' } },
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const QTY_FIELDS = new Set(['qty', 'reserved', 'released', 'deliveredQty', 'doneQty']);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Audit values read as on screen: timestamps formatted, the customer named (the server names users,
 * departments and warehouses), per-line
 * changes ("line:<id>.reserved") labelled with the line number.
 */
function useReadableChange(order: OrderDetail) {
  const { t } = useTranslation();
  const lineNo = new Map(order.lines.map((l) => [l.id, l.lineNo]));
  return (c: TimelineChange): TimelineChange | null => {
    if (isEmpty(c.old) && isEmpty(c.new)) return null;
    // The review's id says nothing to a reader: the entry's outcome and the 评审记录 tab show the review.
    if (c.field === 'review') return null;
    const line = /^line:(\d+)\.(\w+)$/.exec(c.field);
    const key = line ? line[2] : c.field;
    const value = (v: unknown): unknown => {
      if (typeof v === 'string' && ISO_TIME.test(v)) return formatDateTime(v);
      if (key === 'customerId' && v === order.customerId) return order.customerName;
      if (QTY_FIELDS.has(key) && (typeof v === 'string' || typeof v === 'number')) return formatQty(v);
      return v;
    };
    const field = line
      ? t('order.timelineLineField', {
          n: lineNo.get(Number(line[1])) ?? line[1],
          field: t(`fields.orderLine.${key}`, { defaultValue: key }),
        })
      : c.field;
    return { field, old: value(c.old), new: value(c.new) };
  };
}

export function OrderTimelineTab({ order }: { order: OrderDetail }) {
  const query = useOrderTimeline(order.id);
  const readable = useReadableChange(order);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Timeline
      entities={ENTITIES}
      entries={query.data.items.map((e) => ({
        id: e.id,
        at: e.at,
        kind: 'audit',
        entityType: e.entityType,
        action: e.action,
        actorName: e.actorName,
        changes: (e.changes ?? []).map(readable).filter((c): c is TimelineChange => c !== null),
        comment: e.comment,
      }))}
    />
  );
}

/** Every review of the order, newest first, each with its evidence. */
export function OrderReviewsTab({ orderId, lines }: { orderId: number; lines: OrderLine[] }) {
  const { t } = useTranslation();
  const query = useOrderReviews(orderId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty description={t('order.review.none')} />;
  return (
    <Collapse
      data-testid="order-reviews"
      items={query.data.items.map((r) => ({
        key: r.id,
        label: (
          <span data-testid="order-review-item">
            <Tag color={r.outcome === 'passed' ? 'success' : 'error'}>
              {t(`order.review.outcome.${r.outcome}`, { defaultValue: r.outcome })}
            </Tag>
            {formatDateTime(r.createdAt)} · {r.reviewedByName ?? t('timeline.system')}
            {r.blockers.length
              ? ` · ${r.blockers.map((b) => t(`order.review.blocker.${b}`, { defaultValue: b })).join(t('timeline.listSeparator'))}`
              : ''}
          </span>
        ),
        children: (
          <>
            <ReviewEvidenceView evidence={r.evidence} lines={lines} />
            {r.comment ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('timeline.comment', { comment: r.comment })}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      }))}
    />
  );
}

/**
 * The credit-override approval started by a review blocked on credit, read through the order
 * (everyone who sees the order sees it; its approvers act on it here or from the inbox).
 */
export function CreditApproval({ instanceId, orderId }: { instanceId: number; orderId: number }) {
  const query = useOrderApprovals(orderId);
  const qc = useQueryClient();
  const instance = query.data?.items.find((i) => i.id === instanceId);
  const status = instance?.status;
  // A decision taken here changes the order (credit override → review passes or stays blocked).
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current !== undefined && status !== seen.current)
      void qc.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    seen.current = status;
  }, [status, orderId, qc]);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
