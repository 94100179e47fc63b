import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Select, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { FilterFields } from '../../../components/FilterFields';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { useDeliveryList } from '../api';
import { DELIVERY_CREATE, DELIVERY_STATUS_COLORS, DELIVERY_STATUSES, type DeliveryStatus } from '../constants';
import type { DeliveryFilters, DeliveryListItem } from '../types';

function readFilters(sp: URLSearchParams): DeliveryFilters {
  const f: DeliveryFilters = {};
  const keyword = sp.get('keyword');
  if (keyword) f.keyword = keyword;
  const status = sp.get('status');
  if (status && (DELIVERY_STATUSES as readonly string[]).includes(status)) f.status = status as DeliveryStatus;
  for (const key of ['orderId', 'customerId'] as const) {
    const v = Number(sp.get(key));
    if (Number.isInteger(v) && v > 0) f[key] = v;
  }
  if (sp.get('emergencyOpen') === 'true') f.emergencyOpen = 'true';
  return f;
}

/** 发货单 list: keyword, status, open emergency releases; rows link to the note. */
export function DeliveryListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = useMemo(() => readFilters(sp), [sp]);
  const query = useDeliveryList({ ...filters, page, pageSize });
  const [form] = Form.useForm<{ keyword?: string; status?: DeliveryStatus; emergencyOpen?: boolean }>();
  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };
  const label = (f: string) => t(`fields.delivery.${f}`);

  const columns: ColumnsType<DeliveryListItem> = [
    {
      title: label('no'),
      dataIndex: 'no',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/deliveries/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="delivery-link">
          {v}
        </Link>
      ),
    },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (v: string, r) => (
        <>
          <StatusTag dict="delivery.status" value={v} colors={DELIVERY_STATUS_COLORS} />
          {r.emergencyOpen ? <Tag color="magenta">{t('delivery.emergencyOpen')}</Tag> : null}
        </>
      ),
    },
    { title: label('customerName'), dataIndex: 'customerName' },
    {
      title: label('orderNo'),
      dataIndex: 'orderNo',
      render: (v: string, r) => (
        <Link to={`/orders/${r.orderId}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { title: label('consignee'), dataIndex: 'consignee' },
    { title: label('carrier'), dataIndex: 'carrier', render: orDash },
    { title: label('boxCount'), dataIndex: 'boxCount', align: 'right', render: orDash },
    { title: label('plannedDate'), dataIndex: 'plannedDate', render: formatDate },
    { title: label('shippedAt'), dataIndex: 'shippedAt', render: formatDateTime },
    { title: label('signedDate'), dataIndex: 'signedDate', render: formatDate },
    { title: label('ownerName'), dataIndex: 'ownerName', render: orDash },
    { title: label('updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.deliveries')}
        extra={
          hasPermission(DELIVERY_CREATE) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/deliveries/new')}
              data-testid="delivery-new"
            >
              {t('delivery.new')}
            </Button>
          ) : null
        }
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          keyword: filters.keyword,
          status: filters.status,
          emergencyOpen: filters.emergencyOpen === 'true',
        }}
        onFinish={(v) =>
          update({ keyword: v.keyword?.trim(), status: v.status, emergencyOpen: v.emergencyOpen ? 'true' : undefined })
        }
      >
        <FilterFields
          testIdPrefix="delivery-filter"
          onReset={() => {
            form.resetFields();
            update({
              keyword: undefined,
              status: undefined,
              emergencyOpen: undefined,
              orderId: undefined,
              customerId: undefined,
            });
          }}
        >
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="keyword" label={t('delivery.filter.keyword')}>
              <Input allowClear placeholder={t('delivery.filter.keywordHint')} data-testid="delivery-filter-keyword" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="status" label={label('status')}>
              <Select
                allowClear
                options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`delivery.status.${s}`) }))}
                data-testid="delivery-filter-status"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="emergencyOpen" label={t('delivery.filter.emergencyOpen')} valuePropName="checked">
              <Switch data-testid="delivery-filter-emergency" />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<DeliveryListItem>
          data-testid="delivery-table"
          rowTestId="delivery-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/deliveries/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
