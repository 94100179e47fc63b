import { App, Button, Card, Descriptions, Empty, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusTag } from '../../../components/StatusTag';
import { useIsMobile } from '../../../components/useIsMobile';
import { type PromotionStage, usePromotion, useResearchWrite, useStageApprovals } from '../api';
import { EvaluationModal, StageModal } from '../components/StageModals';

const STAGE_COLORS = { draft: 'default', pending: 'processing', approved: 'green', rejected: 'red' };

function StageApproval({ stageId }: { stageId: number }) {
  const q = useStageApprovals(stageId);
  const instance = q.data?.items.at(-1);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

const pct = (v: string | null) => (v === null ? '-' : `${v}%`);

/** A promotion as a staged plan: each stage's budget, approval and effect evaluation, and the totals. */
export function PromotionDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = usePromotion(id);
  const mobile = useIsMobile();
  const [adding, setAdding] = useState(false);
  const [evaluating, setEvaluating] = useState<PromotionStage | null>(null);
  const submit = useResearchWrite<{ _id: number; version: number }>(
    'POST',
    (b) => `/api/promotion-stages/${b._id}/submit`,
  );
  if (q.isPending) return <PageSpinner />;
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const stages = p.stages as PromotionStage[];
  const tot = p.totals;
  const f = (k: string) => t(`research.fields.${k}`);
  const actions = (s: PromotionStage) =>
    !p.canManage ? null : s.status === 'draft' || s.status === 'rejected' ? (
      <Button
        size="small"
        data-testid="stage-submit"
        onClick={() =>
          submit.mutate(
            { _id: s.id, version: s.version },
            { onSuccess: () => message.success(t('research.stageSubmitted')), onError: (e) => handleError(e) },
          )
        }
      >
        {t('research.submitStage')}
      </Button>
    ) : s.status === 'approved' ? (
      <Button size="small" onClick={() => setEvaluating(s)} data-testid="stage-evaluate">
        {t('research.evaluate')}
      </Button>
    ) : null;
  return (
    <Card>
      <PageHeader
        title={p.name}
        onBack={() => navigate('/research/promotions')}
        extra={
          p.canManage ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="add-stage">
              {t('research.addStage')}
            </Button>
          ) : null
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item
          label={f('dates')}
        >{`${formatDate(p.startDate)} ~ ${formatDate(p.endDate)}`}</Descriptions.Item>
        <Descriptions.Item label={f('owner')}>{p.ownerName}</Descriptions.Item>
        <Descriptions.Item label={f('description')}>{p.description || '-'}</Descriptions.Item>
      </Descriptions>
      {tot ? (
        <Space wrap size="large" style={{ marginBottom: 16 }} data-testid="promotion-totals">
          <Statistic title={f('budget')} valueRender={() => <MoneyText value={tot.budget} />} />
          <Statistic title={f('approvedBudget')} valueRender={() => <MoneyText value={tot.approvedBudget} />} />
          <Statistic title={f('cost')} valueRender={() => <MoneyText value={tot.cost} />} />
          <Statistic title={f('leads')} value={tot.leads} />
          <Statistic title={f('deals')} value={tot.deals} />
          <Statistic title={f('revenue')} valueRender={() => <MoneyText value={tot.revenue} />} />
          <Statistic title={f('costPerLead')} valueRender={() => <MoneyText value={tot.costPerLead} />} />
          <Statistic title={f('dealRate')} value={pct(tot.dealRate)} />
          <Statistic title={f('roi')} value={pct(tot.roi)} />
        </Space>
      ) : null}
      {mobile ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {stages.map((s) => (
            <Card
              key={s.id}
              size="small"
              data-testid="stage-card"
              title={`${s.seq}. ${s.name}`}
              extra={<StatusTag dict="research.stageStatus" value={s.status} colors={STAGE_COLORS} />}
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item
                  label={f('dates')}
                >{`${formatDate(s.startDate)} ~ ${formatDate(s.endDate)}`}</Descriptions.Item>
                <Descriptions.Item label={f('budget')}>
                  <MoneyText value={s.budget} />
                </Descriptions.Item>
                {s.evaluatedAt ? (
                  <>
                    <Descriptions.Item label={f('cost')}>
                      <MoneyText value={s.cost} />
                    </Descriptions.Item>
                    <Descriptions.Item label={f('leads')}>{`${s.leads} / ${f('deals')} ${s.deals}`}</Descriptions.Item>
                    <Descriptions.Item label={f('revenue')}>
                      <MoneyText value={s.revenue} />
                    </Descriptions.Item>
                    <Descriptions.Item label={f('costPerLead')}>
                      <MoneyText value={s.costPerLead} />
                    </Descriptions.Item>
                  </>
                ) : null}
              </Descriptions>
              {actions(s)}
              {s.status !== 'draft' ? <StageApproval stageId={s.id} /> : null}
            </Card>
          ))}
        </Space>
      ) : (
        <Table<PromotionStage>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={stages}
          expandable={{
            expandedRowRender: (s) => (s.status === 'draft' ? (s.plan ?? '-') : <StageApproval stageId={s.id} />),
          }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: f('stage'), dataIndex: 'name', width: 160 },
            {
              title: f('dates'),
              key: 'd',
              width: 200,
              render: (_, s) => `${formatDate(s.startDate)} ~ ${formatDate(s.endDate)}`,
            },
            {
              title: f('budget'),
              dataIndex: 'budget',
              align: 'right',
              width: 130,
              render: (v) => <MoneyText value={v} />,
            },
            {
              title: f('status'),
              dataIndex: 'status',
              width: 100,
              render: (v) => <StatusTag dict="research.stageStatus" value={v} colors={STAGE_COLORS} />,
            },
            { title: f('cost'), dataIndex: 'cost', align: 'right', width: 120, render: (v) => <MoneyText value={v} /> },
            { title: f('leads'), dataIndex: 'leads', align: 'right', width: 70, render: (v) => v ?? '-' },
            { title: f('deals'), dataIndex: 'deals', align: 'right', width: 70, render: (v) => v ?? '-' },
            {
              title: f('revenue'),
              dataIndex: 'revenue',
              align: 'right',
              width: 130,
              render: (v) => <MoneyText value={v} />,
            },
            {
              title: f('costPerLead'),
              dataIndex: 'costPerLead',
              align: 'right',
              width: 110,
              render: (v) => <MoneyText value={v} />,
            },
            { title: f('roi'), dataIndex: 'roi', align: 'right', width: 80, render: pct },
            {
              title: '',
              key: 'act',
              width: 120,
              fixed: 'right',
              render: (_, s) => actions(s),
            },
          ]}
        />
      )}
      <StageModal promotionId={p.id} open={adding} onClose={() => setAdding(false)} />
      <EvaluationModal stage={evaluating} onClose={() => setEvaluating(null)} />
    </Card>
  );
}
