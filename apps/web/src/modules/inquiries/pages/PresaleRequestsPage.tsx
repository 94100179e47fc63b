import { Card, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { PRESALE_KINDS, PRESALE_STATUSES, type PresaleRequest, usePresaleRequests } from '../api';

const STATUS_COLOR: Record<string, string> = {
  open: 'default',
  in_progress: 'processing',
  fulfilled: 'success',
  cancelled: 'default',
};

/** A request's state, with 逾期未还 on a sample past its return date. */
export function PresaleStatusTag({
  r,
}: {
  r: Pick<PresaleRequest, 'status' | 'returnOverdue' | 'returnedAt' | 'kind'>;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[r.status]}>{t(`presale.status.${r.status}`)}</Tag>
      {r.kind === 'sample' && r.returnedAt ? <Tag color="success">{t('presale.returned')}</Tag> : null}
      {r.returnOverdue ? <Tag color="error">{t('presale.returnOverdue')}</Tag> : null}
    </Space>
  );
}

/** 售前服务: product information, technical consultations and samples, tracked to fulfilment. */
export function PresaleRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = {
    kind: sp.get('kind') ?? undefined,
    status: sp.get('status') ?? undefined,
    returnOverdue: sp.get('returnOverdue') ?? undefined,
    keyword: sp.get('keyword') ?? undefined,
  };
  const q = usePresaleRequests({ ...filters, page, pageSize });
  const f = (k: string) => t(`presale.fields.${k}`);
  const columns: ColumnsType<PresaleRequest> = [
    { title: f('kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(`presale.kind.${v}`) },
    { title: f('detail'), dataIndex: 'detail', width: 240, ellipsis: true },
    { title: f('customer'), key: 'who', width: 180, ellipsis: true, render: (_, r) => r.company ?? r.contactName },
    { title: f('product'), dataIndex: 'productName', width: 140, render: (v) => v ?? '—' },
    { title: f('status'), key: 'status', width: 170, render: (_, r) => <PresaleStatusTag r={r} /> },
    { title: f('assignee'), dataIndex: 'assigneeName', width: 100 },
    {
      title: f('expectedReturnDate'),
      dataIndex: 'expectedReturnDate',
      width: 120,
      render: (v) => (v ? formatDate(v) : '—'),
    },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.presaleRequests')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={filters.keyword}
          placeholder={f('detail')}
          onSearch={(v) => patch({ keyword: v.trim() })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          value={filters.kind}
          placeholder={f('kind')}
          style={{ width: 140 }}
          onChange={(v) => patch({ kind: v })}
          options={PRESALE_KINDS.map((k) => ({ value: k, label: t(`presale.kind.${k}`) }))}
        />
        <Select
          allowClear
          value={filters.status}
          placeholder={f('status')}
          style={{ width: 140 }}
          onChange={(v) => patch({ status: v })}
          options={PRESALE_STATUSES.map((s) => ({ value: s, label: t(`presale.status.${s}`) }))}
        />
        <Select
          allowClear
          value={filters.returnOverdue}
          placeholder={t('presale.returnOverdue')}
          style={{ width: 160 }}
          onChange={(v) => patch({ returnOverdue: v })}
          options={[{ value: 'true', label: t('presale.returnOverdueOnly') }]}
        />
      </Space>
      {q.isError && !q.data ? (
        <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <DataTable<PresaleRequest>
          rowTestId="presale-row"
          columns={columns}
          items={q.data?.items}
          total={q.data?.total ?? 0}
          totalCapped={q.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={q.isFetching}
          onRowClick={(r) => navigate(`/presale-requests/${r.id}`)}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
