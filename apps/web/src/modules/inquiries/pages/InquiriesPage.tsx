import { Button, Card, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { CHANNELS, type Inquiry, useInquiries } from '../api';
import { InquiryFormModal } from '../components/InquiryFormModal';

/** The status of an inquiry as a tag: answered / waiting, red when past the reply time. */
export function InquiryStatusTag({ q }: { q: Pick<Inquiry, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag data-testid="inquiry-status" color={q.status === 'answered' ? 'success' : 'processing'}>
        {t(`inquiries.status.${q.status}`)}
      </Tag>
      {q.overdue ? <Tag color="error">{t('inquiries.overdue')}</Tag> : null}
    </Space>
  );
}

/** 咨询记录: inquiries in scope with channel, status and overdue filters (SPEC 2.9). */
export function InquiriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [creating, setCreating] = useState(false);
  const filters = {
    channel: sp.get('channel') ?? undefined,
    status: sp.get('status') ?? undefined,
    overdue: sp.get('overdue') ?? undefined,
    keyword: sp.get('keyword') ?? undefined,
  };
  const q = useInquiries({ ...filters, page, pageSize });
  const f = (k: string) => t(`inquiries.fields.${k}`);
  const columns: ColumnsType<Inquiry> = [
    { title: f('contactName'), dataIndex: 'contactName', width: 120 },
    { title: f('company'), dataIndex: 'company', width: 180, ellipsis: true, render: (v) => v ?? '—' },
    { title: f('channel'), dataIndex: 'channel', width: 100, render: (v: string) => t(`inquiries.channel.${v}`) },
    { title: f('question'), dataIndex: 'question', width: 260, ellipsis: true },
    { title: f('status'), key: 'status', width: 150, render: (_, r) => <InquiryStatusTag q={r} /> },
    { title: f('handler'), dataIndex: 'handlerName', width: 100 },
    { title: f('receivedAt'), dataIndex: 'receivedAt', width: 160, render: formatDateTime },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.inquiries')}
        extra={
          hasPermission('inquiry.create') ? (
            <Button type="primary" data-testid="inquiry-new" onClick={() => setCreating(true)}>
              {t('inquiries.new')}
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={filters.keyword}
          placeholder={t('inquiries.keyword')}
          onSearch={(v) => patch({ keyword: v.trim() })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          value={filters.channel}
          placeholder={f('channel')}
          style={{ width: 140 }}
          onChange={(v) => patch({ channel: v })}
          options={CHANNELS.map((c) => ({ value: c, label: t(`inquiries.channel.${c}`) }))}
        />
        <Select
          allowClear
          value={filters.status}
          placeholder={f('status')}
          style={{ width: 140 }}
          onChange={(v) => patch({ status: v })}
          options={['open', 'answered'].map((s) => ({ value: s, label: t(`inquiries.status.${s}`) }))}
        />
        <Select
          allowClear
          value={filters.overdue}
          placeholder={t('inquiries.overdue')}
          style={{ width: 140 }}
          onChange={(v) => patch({ overdue: v })}
          options={[{ value: 'true', label: t('inquiries.overdueOnly') }]}
        />
      </Space>
      {q.isError && !q.data ? (
        <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <DataTable<Inquiry>
          rowTestId="inquiry-row"
          columns={columns}
          items={q.data?.items}
          total={q.data?.total ?? 0}
          totalCapped={q.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={q.isFetching}
          onRowClick={(r) => navigate(`/inquiries/${r.id}`)}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
      <InquiryFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
