import { Empty, Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { useApprovalInstance } from '../../approvals/api';

/** The return's approval chain (开票组 → 采购 → 质管 → 运营 → 验收员) with its history and actions. */
export function ReturnApproval({ instanceId }: { instanceId: number | null }) {
  const query = useApprovalInstance(instanceId ?? 0);
  if (!instanceId) return <Empty />;
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <ApprovalPanel instance={query.data} />;
}
