import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { Timeline, type TimelineChange, type TimelineProps } from '../../../components/Timeline';
import { useDeliveryApprovals, useDeliveryTimeline } from '../api';

const ENTITIES: TimelineProps['entities'] = {
  default: { fields: 'delivery' },
  delivery: {
    fields: 'delivery',
    actionPrefix: 'delivery_',
    valueDicts: { status: 'delivery.status', replacementReason: 'delivery.replacement.reason' },
    commentKeys: { cancel: 'timeline.reason' },
  },
};

/** Dictionaries of per-line audited fields ("line:<no>.<field>"). */
const LINE_DICTS: Record<string, string> = {
  inspectionStatus: 'delivery.inspection',
  emergencyRelease: 'delivery.release',
  recall: 'delivery.recall',
};

/**
 * Per-line and checklist changes read as on screen: "line:2.inspectionStatus" → 第 2 行检验状态 with
 * the status translated, "checklist:漆面检查" → 检验表：漆面检查, flags as 是/否 (issue 11: no raw keys).
 */
function useReadableChange() {
  const { t } = useTranslation();
  return (c: TimelineChange): TimelineChange => {
    const line = /^line:(\d+)(?:\.(\w+))?$/.exec(c.field);
    if (line) {
      const [, n, key] = line;
      const dict = key ? LINE_DICTS[key] : undefined;
      const value = (v: unknown) => (dict && typeof v === 'string' ? t(`${dict}.${v}`, { defaultValue: v }) : v);
      const field = key
        ? t('delivery.timelineLineField', { n, field: t(`fields.delivery.${key}`) })
        : t('delivery.timelineLine', { n });
      return { ...c, field, old: value(c.old), new: value(c.new) };
    }
    const item = /^checklist:(.+)$/.exec(c.field);
    if (item) return { ...c, field: t('delivery.timelineChecklist', { item: item[1] }) };
    if (c.field === 'emergencyOpen') {
      const flag = (v: unknown) => (v === 'true' ? true : v === 'false' ? false : v);
      return { ...c, old: flag(c.old), new: flag(c.new) };
    }
    return c;
  };
}

/** The note's audit history, newest first. */
export function DeliveryTimeline({ id }: { id: number }) {
  const query = useDeliveryTimeline(id);
  const readable = useReadableChange();
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Timeline
      entities={ENTITIES}
      entries={query.data.items.map((e) => ({
        id: e.id,
        at: e.at,
        kind: 'audit',
        entityType: 'delivery',
        action: e.action,
        actorName: e.actorName,
        changes: (e.changes ?? []).map(readable),
        comment: e.comment,
      }))}
    />
  );
}

/** The emergency-release approval of one line (chain, history, and actions for its approver), read through the note. */
export function ReleaseApproval({ deliveryId, instanceId }: { deliveryId: number; instanceId: number }) {
  const query = useDeliveryApprovals(deliveryId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.find((i) => i.id === instanceId);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
