import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { usePipelines } from '../api';
import { PipelineModal } from '../components/PipelineModal';
import { StageTag } from '../components/StageTag';
import type { Pipeline, PipelineStage } from '../types';

function StageChain({ stages }: { stages: PipelineStage[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 6]} wrap>
      {stages.map((s, i) => (
        <Space key={s.id} size={0}>
          {i > 0 ? <RightOutlined style={{ fontSize: 10, marginInlineEnd: 6, opacity: 0.5 }} /> : null}
          <Tooltip
            title={
              s.checklist.length
                ? t('opportunity.pipeline.checklistTip', {
                    items: s.checklist.map((c) => c.label).join(t('timeline.listSeparator')),
                  })
                : undefined
            }
          >
            <span>
              <StageTag
                name={t('opportunity.pipeline.stageWithProbability', {
                  name: s.name,
                  value: s.probability,
                  checks: s.checklist.length ? t('opportunity.pipeline.checkCount', { n: s.checklist.length }) : '',
                })}
                kind={s.kind}
              />
            </span>
          </Tooltip>
        </Space>
      ))}
    </Space>
  );
}

/** 销售流程设置: pipelines with their stages, probabilities and checklists (pipeline.manage). */
export function PipelinesPage() {
  const { t } = useTranslation();
  const query = usePipelines(true);
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const label = (f: string) => t(`opportunity.pipeline.${f}`);
  const columns: ColumnsType<Pipeline> = [
    {
      title: label('name'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, p) => (
        <Space size={4} wrap>
          <span data-testid="pipeline-row-name">{name}</span>
          {p.isDefault ? <Tag color="gold">{label('default')}</Tag> : null}
        </Space>
      ),
    },
    { title: label('stages'), key: 'stages', render: (_, p) => <StageChain stages={p.stages} /> },
    {
      title: label('active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{label('enabled')}</Tag> : <Tag>{label('disabled')}</Tag>),
    },
    { title: t('fields.opportunity.updatedAt'), dataIndex: 'updatedAt', width: 160, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => setEditing(p)} data-testid="pipeline-edit">
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.pipelines')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="pipeline-new">
            {label('new')}
          </Button>
        }
      />
      <DataTable<Pipeline>
        data-testid="pipeline-table"
        rowTestId="pipeline-row"
        columns={columns}
        items={query.data?.items}
        loading={query.isFetching}
        // the stage chain wraps instead of scrolling sideways
        scroll={{}}
      />
      <PipelineModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
