import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { PAYMENT_KINDS, PAYMENT_STATUSES, type PaymentAction, type PaymentStatus, paymentActions } from '@sales/core';
import { App, Button, Card, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { type Payment, useFinanceMutation, usePayments } from '../api';
import { PaymentDetailDrawer } from '../components/PaymentDetailDrawer';
import { PaymentModal } from '../components/PaymentModal';
import { ReasonModal } from '../components/ReasonModal';
import { PAYMENT_CONFIRM, PAYMENT_REPORT, PAYMENT_STATUS_COLORS } from '../constants';

interface Filters {
  keyword?: string;
  status?: string;
  kind?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** 收款登记: payments with their status; finance confirms (核准), clears or bounces cheques, rejects; receipts print. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const { modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<Payment | null>(null);
  // /finance/payments/:id (links from other documents) opens that payment's drawer.
  const params = useParams();
  const navigate = useNavigate();
  const [detailId, setDetailId] = useState<number | null>(Number(params.id) || null);
  useEffect(() => setDetailId(Number(params.id) || null), [params.id]);
  const closeDetail = () => {
    setDetailId(null);
    if (params.id) navigate({ pathname: '/finance/payments', search: sp.toString() }, { replace: true });
  };
  const query = useMemo(
    () => ({
      keyword: sp.get('keyword') ?? undefined,
      status: sp.get('status') ?? undefined,
      kind: sp.get('kind') ?? undefined,
      // Set by links from a customer's 360 (issue 11 item 3); the server filters by the indexed customer_id.
      customerId: Number(sp.get('customerId')) || undefined,
      from: sp.get('from') ?? undefined,
      to: sp.get('to') ?? undefined,
      page,
      pageSize,
    }),
    [sp, page, pageSize],
  );
  const list = usePayments(query);
  const act = useFinanceMutation<{ _id: number; action: PaymentAction; version: number; reason?: string }>(
    (b) => `/api/payments/${b._id}/${b.action}`,
  );
  const canConfirm = hasPermission(PAYMENT_CONFIRM);

  const run = (p: Payment, action: PaymentAction) => {
    if (action === 'reject') return setRejecting(p);
    modal.confirm({
      title: t(`finance.payment.confirmAction.${action}`, { no: p.no, amount: p.amount }),
      onOk: () => act.mutateAsync({ _id: p.id, action, version: p.version }).catch((e) => handleError(e)),
    });
  };

  const columns: ColumnsType<Payment> = [
    {
      title: t('finance.payment.no'),
      dataIndex: 'no',
      width: 170,
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDetailId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('finance.customer'), dataIndex: 'customerName' },
    { title: t('finance.doc.label'), key: 'doc', render: (_, r) => r.orderNo ?? r.contractNo },
    {
      title: t('finance.payment.kind'),
      dataIndex: 'kind',
      render: (v: string) => <DictText dict="finance.paymentKind" value={v} />,
    },
    {
      title: t('finance.payment.method'),
      dataIndex: 'method',
      render: (v: string, r) => (
        <>
          {<DictText dict="finance.paymentMethod" value={v} />}
          {r.chequeNo ? ` ${r.chequeNo}` : ''}
        </>
      ),
    },
    {
      title: t('finance.payment.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (v: string, r) => (
        <>
          <MoneyText value={v} />
          {r.tenderedAmount ? (
            <div data-testid="payment-cash">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('finance.payment.tendered')} <MoneyText value={r.tenderedAmount} /> /{' '}
                {t('finance.payment.changeAmount')} <MoneyText value={r.changeAmount} />
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('finance.status'),
      dataIndex: 'status',
      render: (v: string) => (
        <StatusTag dict="finance.paymentStatus" value={v} colors={PAYMENT_STATUS_COLORS} testId="payment-status" />
      ),
    },
    { title: t('finance.payment.receivedDate'), dataIndex: 'receivedDate' },
    { title: t('finance.payment.payerName'), dataIndex: 'payerName' },
    { title: t('finance.payment.receiptNo'), dataIndex: 'receiptNo', render: (v: string | null) => v ?? '-' },
    { title: t('finance.owner'), dataIndex: 'ownerName' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={4} wrap>
          {canConfirm
            ? paymentActions(r.status as PaymentStatus).map((a) => (
                <Button
                  key={a}
                  size="small"
                  type={a === 'confirm' || a === 'clear' ? 'primary' : 'default'}
                  danger={a === 'reject' || a === 'bounce'}
                  onClick={() => run(r, a)}
                  data-testid={`payment-${a}`}
                >
                  {t(`finance.payment.action.${a}`)}
                </Button>
              ))
            : null}
          {r.receiptNo ? (
            <Button
              size="small"
              icon={<FilePdfOutlined />}
              href={`/api/payments/${r.id}/receipt`}
              target="_blank"
              data-testid="payment-receipt"
            >
              {t('finance.payment.receipt')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const onSearch = (v: Filters) =>
    patch({
      keyword: v.keyword || undefined,
      status: v.status,
      kind: v.kind,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    }) || void list.refetch();

  return (
    <Card>
      <PageHeader
        title={t('menu.financePayments')}
        extra={
          hasPermission(PAYMENT_REPORT) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="payment-new">
              {canConfirm ? t('finance.payment.new') : t('finance.payment.report')}
            </Button>
          ) : null
        }
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        initialValues={{
          keyword: query.keyword,
          status: query.status,
          kind: query.kind,
          range: query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null,
        }}
        onFinish={onSearch}
      >
        <Form.Item name="keyword">
          <Input allowClear placeholder={t('finance.payment.keyword')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <DictSelect
            dict="finance.paymentStatus"
            values={PAYMENT_STATUSES}
            placeholder={t('finance.status')}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item name="kind">
          <DictSelect
            dict="finance.paymentKind"
            values={PAYMENT_KINDS}
            placeholder={t('finance.payment.kind')}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('common.search')}
        </Button>
      </Form>
      {query.customerId ? (
        <Tag closable onClose={() => patch({ customerId: undefined })} style={{ marginBottom: 12 }}>
          {t('finance.customerOnly')}
        </Tag>
      ) : null}
      {list.isError && !list.data ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Payment>
          data-testid="payment-table"
          rowTestId="payment-row"
          columns={columns}
          items={list.data?.items}
          total={list.data?.total ?? 0}
          totalCapped={list.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
      <PaymentModal open={creating} onClose={() => setCreating(false)} />
      <PaymentDetailDrawer id={detailId} onClose={closeDetail} />
      <ReasonModal
        title={t('finance.payment.action.reject')}
        open={!!rejecting}
        loading={act.isPending}
        onCancel={() => setRejecting(null)}
        onOk={(reason) =>
          rejecting &&
          act
            .mutateAsync({ _id: rejecting.id, action: 'reject', version: rejecting.version, reason })
            .then(() => setRejecting(null))
            .catch((e) => handleError(e))
        }
      />
    </Card>
  );
}
