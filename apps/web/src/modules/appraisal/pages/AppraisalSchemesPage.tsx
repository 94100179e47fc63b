import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useAppraisalSchemes, useSchemeCommand } from '../api';
import { SchemeFormModal } from '../components/SchemeFormModal';
import type { AppraisalScheme } from '../types';

/** 考核方案: the company's appraisal schemes — period, indicators with weights and scoring rules. */
export function AppraisalSchemesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useAppraisalSchemes();
  const command = useSchemeCommand();
  const [editing, setEditing] = useState<AppraisalScheme | 'new' | null>(null);
  const f = (k: string) => t(`appraisal.fields.${k}`);
  const deactivate = async (s: AppraisalScheme) => {
    try {
      await command.mutateAsync({
        method: 'POST',
        path: `/appraisal-schemes/${s.id}/deactivate`,
        body: { version: s.version },
      });
      message.success(t('appraisal.schemes.inactive'));
    } catch (e) {
      handleError(e, { onStale: () => void query.refetch() });
    }
  };
  const columns: ColumnsType<AppraisalScheme> = [
    {
      title: f('schemeName'),
      dataIndex: 'name',
      render: (v: string, s) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {s.isDefault && <Tag color="blue">{t('appraisal.schemes.isDefault')}</Tag>}
        </Space>
      ),
    },
    {
      title: f('periodKind'),
      dataIndex: 'periodKind',
      width: 90,
      render: (v: string) => t(`appraisal.periodKind.${v}`),
    },
    {
      title: f('indicators'),
      key: 'indicators',
      render: (_, s) => (
        <Typography.Text>
          {s.indicators
            .map(
              (i) =>
                `${t(`appraisal.indicator.${i.code}`)} ${i.weight}% · ${t(`appraisal.rule.${i.rule ?? 'deduction'}`)}`,
            )
            .join('；')}
        </Typography.Text>
      ),
    },
    {
      title: f('active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) => (
        <Tag color={v ? 'green' : 'default'}>{t(v ? 'appraisal.schemes.active' : 'appraisal.schemes.inactive')}</Tag>
      ),
    },
    { title: f('version'), dataIndex: 'version', width: 70, align: 'right' },
    { title: f('updatedAt'), dataIndex: 'updatedAt', width: 160, render: formatDateTime },
    {
      title: f('actions'),
      key: 'actions',
      width: 150,
      render: (_, s) =>
        s.active ? (
          <Space size={4} onClick={(e) => e.stopPropagation()}>
            <Button size="small" onClick={() => setEditing(s)} data-testid="scheme-edit">
              {t('common.edit')}
            </Button>
            {!s.isDefault && (
              <Popconfirm title={t('appraisal.schemes.deactivateConfirm')} onConfirm={() => void deactivate(s)}>
                <Button size="small" danger data-testid="scheme-deactivate">
                  {t('appraisal.schemes.deactivate')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : null,
    },
  ];
  if (query.isError) return <QueryErrorResult error={query.error} />;
  return (
    <Card>
      <PageHeader
        title={t('appraisal.schemes.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="scheme-new">
            {t('appraisal.schemes.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('appraisal.schemes.formula')}</Typography.Paragraph>
      <DataTable<AppraisalScheme>
        data-testid="scheme-table"
        rowTestId="scheme-row"
        columns={columns}
        items={query.data?.items}
        total={query.data?.items.length ?? 0}
        page={1}
        pageSize={200}
        loading={query.isFetching}
        cardTitleKey="name"
        onPageChange={() => undefined}
      />
      {editing && <SchemeFormModal scheme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
