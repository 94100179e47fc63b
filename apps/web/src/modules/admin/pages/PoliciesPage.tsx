import { App, Button, Card, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { type Policy, type PolicyValue, usePolicies, useSavePolicy } from '../api';
import { PolicyHistoryDrawer } from '../components/PolicyHistoryDrawer';
import { PolicyValueInput, PolicyValueText } from '../components/PolicyValue';

export function PoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = usePolicies();
  const save = useSavePolicy();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<{ key: string; value: PolicyValue } | null>(null);
  const [historyOf, setHistoryOf] = useState<Policy | null>(null);

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const onSave = (p: Policy) => {
    if (!editing) return;
    save.mutate(
      { key: p.key, value: editing.value, version: p.version },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          setEditing(null);
        },
        onError: (e) => handleError(e, { onStale: () => void query.refetch().then(() => setEditing(null)) }),
      },
    );
  };

  const columns: ColumnsType<Policy> = [
    {
      title: t('admin.policies.name'),
      dataIndex: 'key',
      render: (key: string) => (
        <Space orientation="vertical" size={0}>
          <span>{t(`policies.${key}`, { defaultValue: key })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {key}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('admin.policies.value'),
      dataIndex: 'value',
      width: 300,
      render: (value: PolicyValue, p) =>
        editing?.key === p.key ? (
          <PolicyValueInput policy={p} value={editing.value} onChange={(v) => setEditing({ key: p.key, value: v })} />
        ) : (
          <span data-testid="policy-value">
            <PolicyValueText policy={p} value={value} />
          </span>
        ),
    },
    {
      title: t('admin.policies.defaultValue'),
      dataIndex: 'defaultValue',
      render: (v: PolicyValue, p) => <PolicyValueText policy={p} value={v} />,
    },
    { title: t('admin.policies.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
    { title: t('admin.policies.updatedBy'), dataIndex: 'updatedByName', render: orDash },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, p) =>
        editing?.key === p.key ? (
          <Space>
            <Button
              type="link"
              size="small"
              loading={save.isPending}
              onClick={() => onSave(p)}
              data-testid="policy-save"
            >
              {t('common.save')}
            </Button>
            <Button type="link" size="small" onClick={() => setEditing(null)} data-testid="policy-cancel">
              {t('common.cancel')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button
              type="link"
              size="small"
              disabled={editing !== null}
              onClick={() => setEditing({ key: p.key, value: p.value })}
              data-testid="policy-edit"
            >
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => setHistoryOf(p)} data-testid="policy-history-open">
              {t('admin.policies.history')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card>
      <PageHeader title={t('menu.policies')} />
      <DataTable<Policy>
        rowKey="key"
        rowTestId="policy-row"
        columns={columns}
        items={query.data?.items}
        loading={query.isPending}
      />
      <PolicyHistoryDrawer policy={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
