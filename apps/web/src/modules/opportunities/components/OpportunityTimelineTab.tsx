import { Skeleton } from 'antd';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { Timeline, type TimelineEntry, type TimelineProps } from '../../../components/Timeline';
import { type OpportunityTimelineItem, useOpportunityTimeline } from '../api';

// Audit entries of the opportunity and its proposals, each labelled with its own fields.
const ENTITIES: TimelineProps['entities'] = {
  default: {
    fields: 'opportunity',
    actionPrefix: 'opp_',
    valueDicts: { status: 'opportunity.status', lostCategory: 'opportunity.lostCategory' },
    commentKeys: { lose: 'timeline.reason', reopen: 'timeline.reason' },
  },
  opportunity_proposal: {
    fields: 'opportunityProposal',
    actionPrefix: 'opp_proposal_',
    valueDicts: { response: 'opportunity.proposalResponse' },
  },
};

/** Lists of people / competitors in the needs analysis read as their names. */
function readable(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((v) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : v));
}

function toEntry(e: OpportunityTimelineItem): TimelineEntry {
  // Items the system ticked itself (needs analysis saved, proposal sent / accepted) say so.
  const auto = e.action === 'checklist' && e.comment === 'auto';
  return {
    id: e.id,
    at: e.at,
    kind: 'audit',
    entityType: e.entityType,
    action: auto ? 'checklist_auto' : e.action,
    actorName: e.actorName,
    changes: e.changes.map((c) => ({ field: c.field, old: readable(c.old), new: readable(c.new) })),
    comment: auto ? null : e.comment,
  };
}

export function OpportunityTimelineTab({ opportunityId }: { opportunityId: number }) {
  const query = useOpportunityTimeline(opportunityId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <Timeline entries={query.data.items.map(toEntry)} entities={ENTITIES} />;
}
