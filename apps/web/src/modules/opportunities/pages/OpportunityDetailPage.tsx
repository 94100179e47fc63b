import { Button, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { DetailTabs } from '../../../components/DetailTabs';
import { DocumentLinks } from '../../../components/DocumentLinks';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { StatusTag } from '../../../components/StatusTag';
import { useOpportunity } from '../api';
import { NeedsAnalysisTab } from '../components/NeedsAnalysisTab';
import { OpportunityActions } from '../components/OpportunityActions';
import { OpportunityTimelineTab } from '../components/OpportunityTimelineTab';
import { OverviewTab } from '../components/OverviewTab';
import { ProposalsTab } from '../components/ProposalsTab';
import { StageSteps } from '../components/StageSteps';
import { OPPORTUNITY_EDIT, STATUS_COLORS } from '../constants';

const TABS = ['overview', 'needs', 'proposals', 'attachments', 'timeline'] as const;
type TabKey = (typeof TABS)[number];

export function OpportunityDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [sp, setSp] = useSearchParams();
  const query = useOpportunity(id);

  const tabParam = sp.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'overview';

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const canEdit = hasPermission(OPPORTUNITY_EDIT);
  const onStale = () => void query.refetch();

  const tabLabel = (key: TabKey, text = t(`opportunity.tabs.${key}`)) => <span data-testid={`tab-${key}`}>{text}</span>;

  return (
    <Card>
      <PageHeader
        onBack={() => navigate(-1)}
        title={<span data-testid="opportunity-title">{o.name}</span>}
        subTitle={<span data-testid="opportunity-no">{o.no}</span>}
        tags={
          <>
            <StatusTag dict="opportunity.status" value={o.status} colors={STATUS_COLORS} testId="opportunity-status" />
            <Tag data-testid="opportunity-amount">
              <MoneyText value={o.amount} />
            </Tag>
            <span>
              {t('opportunity.headerLine', {
                customer: o.customerName,
                owner: o.ownerName ?? t('common.none'),
                pipeline: o.pipelineName,
              })}
            </span>
          </>
        }
        extra={
          <>
            <OpportunityActions opportunity={o} onStale={onStale} />
            {o.status === 'open' && hasPermission('quote.create') ? (
              // A quote made for this opportunity, linked back to it (issue 11 item 3).
              <Button
                onClick={() => navigate(`/quotes/new?customerId=${o.customerId}&opportunityId=${o.id}`)}
                data-testid="opportunity-new-quote"
              >
                {t('opportunity.newQuote')}
              </Button>
            ) : null}
          </>
        }
      >
        <StageSteps opportunity={o} />
      </PageHeader>
      {/* The quotes and contracts made for it (issue 11 item 3). */}
      <DocumentLinks type="opportunity" id={o.id} />
      <DetailTabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(sp);
          if (key === 'overview') next.delete('tab');
          else next.set('tab', key);
          setSp(next, { replace: true });
        }}
        items={[
          {
            key: 'overview',
            label: tabLabel('overview'),
            children: <OverviewTab opportunity={o} canEdit={canEdit} onStale={onStale} />,
          },
          {
            key: 'needs',
            label: tabLabel('needs', o.needsAnalysis ? undefined : t('opportunity.tabs.needsEmpty')),
            children: (
              <NeedsAnalysisTab
                opportunity={o}
                editable={canEdit && o.allowedActions.includes('needs_analysis')}
                onStale={onStale}
              />
            ),
          },
          {
            key: 'proposals',
            label: tabLabel(
              'proposals',
              o.proposals.length ? t('opportunity.tabs.proposalsCount', { n: o.proposals.length }) : undefined,
            ),
            children: <ProposalsTab opportunity={o} editable={canEdit && o.allowedActions.includes('proposal')} />,
          },
          {
            key: 'attachments',
            label: <span data-testid="tab-attachments">{t('attachments.tab')}</span>,
            children: <RecordAttachments recordPath={`/api/opportunities/${id}`} canChange={canEdit} />,
          },
          { key: 'timeline', label: tabLabel('timeline'), children: <OpportunityTimelineTab opportunityId={id} /> },
        ]}
      />
    </Card>
  );
}
