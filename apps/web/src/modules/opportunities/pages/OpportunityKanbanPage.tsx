import { PlusOutlined, ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UserSelect } from '../../../components/UserSelect';
import { useKanban, usePipelines } from '../api';
import { KanbanBoard } from '../components/KanbanBoard';
import { OPPORTUNITY_CREATE, OPPORTUNITY_EDIT } from '../constants';

const PER_STAGE = 20;

export function OpportunityKanbanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [sp, setSp] = useSearchParams();
  const pipelineId = Number(sp.get('pipelineId')) || undefined;
  const keyword = sp.get('keyword') ?? undefined;
  const ownerId = Number(sp.get('ownerId')) || undefined;
  const pipelines = usePipelines();
  const query = useKanban({ pipelineId, keyword, ownerId, perStage: PER_STAGE });

  const update = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(sp);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setSp(next, { replace: true });
  };

  const data = query.data;
  const currentPipelineId = data?.pipeline.id ?? pipelineId;

  return (
    <Card>
      <PageHeader
        title={t('menu.opportunityKanban')}
        extra={
          <>
            <Select<number>
              style={{ width: 200 }}
              value={currentPipelineId}
              loading={pipelines.isLoading}
              onChange={(v) => update('pipelineId', v)}
              options={(pipelines.data?.items ?? []).map((p) => ({
                value: p.id,
                label: p.isDefault ? t('opportunity.pipelineDefault', { name: p.name }) : p.name,
              }))}
              aria-label={t('fields.opportunity.pipelineName')}
              data-testid="kanban-pipeline"
            />
            <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() =>
                navigate(currentPipelineId ? `/opportunities?pipelineId=${currentPipelineId}` : '/opportunities')
              }
              data-testid="kanban-to-list"
            >
              {t('menu.opportunityList')}
            </Button>
            {hasPermission(OPPORTUNITY_CREATE) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  navigate(
                    currentPipelineId ? `/opportunities/new?pipelineId=${currentPipelineId}` : '/opportunities/new',
                  )
                }
                data-testid="opportunity-new"
              >
                {t('opportunity.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={16} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            defaultValue={keyword}
            key={keyword ?? ''}
            placeholder={t('opportunity.filter.keywordPlaceholder')}
            onSearch={(v) => update('keyword', v.trim())}
            style={{ width: 260 }}
            data-testid="kanban-keyword"
          />
          <UserSelect
            value={ownerId}
            onChange={(v) => update('ownerId', v)}
            placeholder={t('fields.opportunity.ownerName')}
            style={{ width: 200 }}
            testId="kanban-owner"
          />
        </Flex>
        {data ? (
          <Flex gap={32} wrap data-testid="kanban-summary">
            <Statistic title={t('opportunity.kanban.openCount')} value={data.open.count} />
            <Statistic
              title={t('opportunity.kanban.openAmount')}
              valueRender={() => <MoneyText value={data.open.amount} />}
            />
            <Statistic
              title={t('opportunity.kanban.openWeighted')}
              valueRender={() => <MoneyText value={data.open.weightedAmount} />}
            />
          </Flex>
        ) : null}
      </Flex>
      {query.isError && !data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <KanbanBoard data={data} canMove={hasPermission(OPPORTUNITY_EDIT)} onStale={() => void query.refetch()} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
