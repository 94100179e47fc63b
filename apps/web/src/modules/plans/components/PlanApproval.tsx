import { Empty, Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { usePlanApprovals } from '../api';

/** The plan version's approval chain with its history, for everyone who sees the plan. */
export function PlanApproval({ planId }: { planId: number }) {
  const query = usePlanApprovals(planId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.at(-1);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
