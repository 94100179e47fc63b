import { Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { Timeline, type TimelineProps } from '../../../components/Timeline';
import { useApprovalInstance } from '../../approvals/api';
import { useDeliveryTimeline } from '../api';

const ENTITIES: TimelineProps['entities'] = {
  default: { fields: 'delivery' },
  delivery: {
    fields: 'delivery',
    actionPrefix: 'delivery_',
    valueDicts: { status: 'delivery.status' },
    commentKeys: { cancel: 'timeline.reason' },
  },
};

/** The note's audit history, newest first. */
export function DeliveryTimeline({ id }: { id: number }) {
  const query = useDeliveryTimeline(id);
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
        changes: e.changes ?? [],
        comment: e.comment,
      }))}
    />
  );
}

/** The emergency-release approval of one line (chain, history, and actions for its approver). */
export function ReleaseApproval({ instanceId }: { instanceId: number }) {
  const query = useApprovalInstance(instanceId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <ApprovalPanel instance={query.data} />;
}
