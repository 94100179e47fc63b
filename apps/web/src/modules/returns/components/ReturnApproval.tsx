import { Empty, Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { useReturnApprovals } from '../api';

/**
 * The return's approval chain (开票组 → 采购 → 质管 → 运营 → 验收员) with its history and actions,
 * read through the return (everyone who sees the return sees its chain, not only its approvers).
 */
export function ReturnApproval({ returnId, instanceId }: { returnId: number; instanceId: number | null }) {
  const query = useReturnApprovals(returnId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.find((i) => i.id === instanceId) ?? query.data.items.at(-1);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
