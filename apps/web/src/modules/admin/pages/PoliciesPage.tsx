import { App, Button, Card, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { type Policy, type PolicyValue, usePolicies, useSavePolicy } from '../api';
import { PolicyHistoryDrawer } from '../components/PolicyHistoryDrawer';
import { PolicyValueInput, PolicyValueText, usePolicyUnitLabel } from '../components/PolicyValue';
import { inRange, normalizePolicyValue, policyGroup, policyHint, policyLabel, policyUnit } from '../policyMeta';

/** Policies of one category together, categories in the order the API first lists them. */
function groupPolicies(items: Policy[]): Policy[] {
  const order: string[] = [];
  for (const p of items) if (!order.includes(policyGroup(p.key))) order.push(policyGroup(p.key));
  return order.flatMap((g) => items.filter((p) => policyGroup(p.key) === g));
}

export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const query = usePolicies();
  const save = useSavePolicy();
  const handleError = useApiErrorHandler();
  const unitLabel = usePolicyUnitLabel();
  const [editing, setEditing] = useState<{ key: string; value: PolicyValue } | null>(null);
  const [historyOf, setHistoryOf] = useState<Policy | null>(null);
  const rows = useMemo(() => groupPolicies(query.data?.items ?? []), [query.data]);
  const formatNumber = (n: number | string) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(Number(n));

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const editValue = (p: Policy) => (editing?.key === p.key ? normalizePolicyValue(p, editing.value) : null);
  const canSave = (p: Policy) => inRange(p, editValue(p));

  const onSave = (p: Policy) => {
    const value = editValue(p);
    if (!editing || !inRange(p, value)) return;
    if (value === p.value) {
      setEditing(null);
      return;
    }
    save.mutate(
      { key: p.key, value, version: p.version },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          setEditing(null);
        },
        onError: (e) => handleError(e, { onStale: () => void query.refetch().then(() => setEditing(null)) }),
      },
    );
  };

  const rangeText = (p: Policy) => {
    if (p.min === undefined || p.min === null || p.max === undefined || p.max === null) return '-';
    if (policyUnit(p.key) === 'weekday') return '-';
    const unit = unitLabel(p.key, Number(p.max));
    const range = t('admin.policies.rangeText', { min: formatNumber(p.min), max: formatNumber(p.max) });
    return unit ? `${range} ${unit}` : range;
  };

  const columns: ColumnsType<Policy> = [
    {
      title: t('admin.policies.group'),
      key: 'group',
      width: 110,
      onCell: (p, index = 0) => {
        const group = policyGroup(p.key);
        if (index > 0 && policyGroup(rows[index - 1].key) === group) return { rowSpan: 0 };
        let span = 1;
        while (rows[index + span] && policyGroup(rows[index + span].key) === group) span += 1;
        return { rowSpan: span };
      },
      render: (_, p) => t(`policyGroups.${policyGroup(p.key)}`, { defaultValue: policyGroup(p.key) }),
    },
    {
      title: t('admin.policies.name'),
      dataIndex: 'key',
      render: (key: string) => (
        <Space orientation="vertical" size={0}>
          <span title={key} data-testid="policy-label">
            {policyLabel(t, key)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {policyHint(t, key)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('admin.policies.value'),
      dataIndex: 'value',
      width: 230,
      render: (value: PolicyValue, p) =>
        editing?.key === p.key ? (
          <Space orientation="vertical" size={2}>
            <PolicyValueInput
              policy={p}
              value={editing.value}
              invalid={!canSave(p)}
              onChange={(v) => setEditing({ key: p.key, value: v })}
            />
            {p.type === 'decimal' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('admin.policies.decimalHint')}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <span data-testid="policy-value" style={value !== p.defaultValue ? { fontWeight: 600 } : undefined}>
              <PolicyValueText policy={p} value={value} />
            </span>
            {value !== p.defaultValue ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="policy-default">
                {t('common.colonLabel', { label: t('admin.policies.defaultValue') })}
                <PolicyValueText policy={p} value={p.defaultValue} />
              </Typography.Text>
            ) : null}
          </Space>
        ),
    },
    { title: t('admin.policies.range'), key: 'range', width: 150, render: (_, p) => rangeText(p) },
    {
      title: t('admin.policies.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (at: string | null, p) =>
        at ? (
          <Space orientation="vertical" size={0}>
            <span>{formatDateTime(at)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.updatedByName ?? '-'}
            </Typography.Text>
          </Space>
        ) : (
          '-'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, p) =>
        editing?.key === p.key ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              loading={save.isPending}
              disabled={!canSave(p)}
              title={canSave(p) ? undefined : t('admin.policies.outOfRange', { min: p.min, max: p.max })}
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
          <Space size={0}>
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
        bordered
        size="middle"
        scroll={{}}
        columns={columns}
        items={rows}
        loading={query.isPending}
      />
      <PolicyHistoryDrawer policy={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
