import { Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { Timeline, type TimelineProps } from '../../../components/Timeline';
import { useTimeline } from '../api';

// Audit entries of the customer, its contacts and its follow-ups, each labelled with its own fields;
// its quotes, orders, delivery notes, payments and invoices are rendered as document entries.
const ENTITIES: TimelineProps['entities'] = {
  default: {
    fields: 'customer',
    valueDicts: {
      kind: 'dict.customerKind',
      class: 'dict.customerClass',
      source: 'dict.source',
      industry: 'dict.industry',
      region: 'dict.region',
      creditRating: 'dict.creditRating',
    },
    commentKeys: { transfer: 'timeline.reason', credit_request: 'timeline.reason', update: 'timeline.reason' },
  },
  customer_contact: {
    fields: 'contact',
    actionPrefix: 'contact_',
    commentKeys: { delete: 'timeline.contactName', archive: 'timeline.contactName' },
  },
  follow_up: {
    fields: 'followUp',
    actionPrefix: 'followup_',
    valueDicts: { type: 'dict.followUpType', outcome: 'dict.followUpOutcome' },
  },
};

export function TimelineTab({ customerId }: { customerId: number }) {
  const query = useTimeline(customerId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <Timeline entries={query.data.items} entities={ENTITIES} />;
}
