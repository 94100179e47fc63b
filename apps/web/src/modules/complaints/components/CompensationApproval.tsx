import { Empty, Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { useComplaintApprovals } from '../api';

/** The compensation approval of a complaint (chain, history, actions for its approver), read through the complaint. */
export function CompensationApproval({ complaintId, instanceId }: { complaintId: number; instanceId: number }) {
  const query = useComplaintApprovals(complaintId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.find((i) => i.id === instanceId);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
