import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { FilterFields } from '../../../components/FilterFields';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { type ComplaintListItem, useComplaintList } from '../api';
import { ComplaintCreateModal } from '../components/ComplaintCreateModal';
import {
  COMPLAINT_CREATE,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUS_COLORS,
  COMPLAINT_STATUSES,
  SEVERITY_COLORS,
} from '../constants';

/** 顾客异议 list: status, severity and quality-incident filters; rows open the complaint and its chain. */
export function ComplaintListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  // ?new=1 (from a customer or delivery page) opens the form for that customer / delivery note.
  const [creating, setCreating] = useState(sp.get('new') === '1');
  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    for (const k of ['status', 'severity', 'qualityIncident', 'customerId']) {
      const v = sp.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [sp]);
  const query = useComplaintList({ ...filters, page, pageSize });
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };
  const label = (f: string) => t(`complaint.field.${f}`);
  const columns: ColumnsType<ComplaintListItem> = [
    {
      title: label('no'),
      dataIndex: 'no',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/complaints/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="complaint-link">
          {v}
        </Link>
      ),
    },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (v: string, r) => (
        <>
          <StatusTag dict="complaint.status" value={v} colors={COMPLAINT_STATUS_COLORS} />
          {r.qualityIncident ? <Tag color="red">{t('complaint.qualityIncident')}</Tag> : null}
        </>
      ),
    },
    {
      title: label('severity'),
      dataIndex: 'severity',
      render: (v: string) => <StatusTag dict="complaint.severity" value={v} colors={SEVERITY_COLORS} />,
    },
    { title: label('customerName'), dataIndex: 'customerName' },
    { title: label('subject'), dataIndex: 'subject' },
    { title: label('category'), dataIndex: 'category', render: (v: string) => t(`complaint.category.${v}`) },
    {
      title: label('decision'),
      dataIndex: 'decision',
      render: (v: string | null) => (v ? t(`complaint.decision.${v}`) : '-'),
    },
    {
      title: label('verificationResult'),
      dataIndex: 'verificationResult',
      render: (v: string | null) => (v ? t(`complaint.verification.${v}`) : '-'),
    },
    { title: label('ownerName'), dataIndex: 'ownerName' },
    { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.complaints')}
        extra={
          hasPermission(COMPLAINT_CREATE) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="complaint-new"
            >
              {t('complaint.new')}
            </Button>
          ) : null
        }
      />
      <Form form={form} layout="vertical" initialValues={filters} onFinish={(v) => update(v)}>
        <FilterFields
          testIdPrefix="complaint-filter"
          onReset={() => {
            form.resetFields();
            update({ status: undefined, severity: undefined, qualityIncident: undefined, customerId: undefined });
          }}
        >
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="status" label={label('status')}>
              <Select
                allowClear
                options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="severity" label={label('severity')}>
              <Select
                allowClear
                options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaint.severity.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="qualityIncident" label={t('complaint.qualityIncident')}>
              <Select
                allowClear
                options={[
                  { value: 'true', label: t('common.yes') },
                  { value: 'false', label: t('common.no') },
                ]}
              />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<ComplaintListItem>
          data-testid="complaint-table"
          rowTestId="complaint-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/complaints/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
      {creating ? (
        <ComplaintCreateModal
          customerId={Number(sp.get('customerId')) || undefined}
          deliveryId={sp.get('new') === '1' ? Number(sp.get('deliveryId')) || undefined : undefined}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/complaints/${id}`)}
        />
      ) : null}
    </Card>
  );
}
