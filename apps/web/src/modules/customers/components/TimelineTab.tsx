import { Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { Timeline } from '../../../components/Timeline';
import { useTimeline } from '../api';

const VALUE_DICTS: Record<string, string> = {
  kind: 'dict.customerKind',
  class: 'dict.customerClass',
  source: 'dict.source',
  industry: 'dict.industry',
  region: 'dict.region',
};

export function TimelineTab({ customerId }: { customerId: number }) {
  const query = useTimeline(customerId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <Timeline entries={query.data.items} entity="customer" valueDicts={VALUE_DICTS} />;
}
