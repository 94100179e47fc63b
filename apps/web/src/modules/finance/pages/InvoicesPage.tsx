import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { INVOICE_STATUSES } from '@sales/core';
import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { useDrawerSize } from '../../../components/useIsMobile';
import { useListUrlState } from '../../../components/useListUrlState';
import { type Invoice, type InvoiceLine, useFinanceMutation, useInvoice, useInvoices } from '../api';
import { InvoiceModal } from '../components/InvoiceModal';
import { ReasonModal } from '../components/ReasonModal';
import { INVOICE_ISSUE, INVOICE_STATUS_COLORS } from '../constants';

interface Filters {
  keyword?: string;
  status?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** 发票管理: issued invoices are never edited — void (作废) with reason, then reissue (重开). */
export function InvoicesPage() {
  const { t } = useTranslation();
  const drawerSize = useDrawerSize(760);
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [issuing, setIssuing] = useState(false);
  const [voiding, setVoiding] = useState<Invoice | null>(null);
  const [reissuing, setReissuing] = useState<Invoice | null>(null);
  // /finance/invoices/:id (links from notifications and tasks) opens that invoice's drawer.
  const params = useParams();
  const [detailId, setDetailId] = useState<number | null>(Number(params.id) || null);
  const query = useMemo(
    () => ({
      keyword: sp.get('keyword') ?? undefined,
      status: sp.get('status') ?? undefined,
      from: sp.get('from') ?? undefined,
      to: sp.get('to') ?? undefined,
      page,
      pageSize,
    }),
    [sp, page, pageSize],
  );
  const list = useInvoices(query);
  const detail = useInvoice(detailId);
  const voidIt = useFinanceMutation<{ _id: number; version: number; reason: string }>(
    (b) => `/api/invoices/${b._id}/void`,
  );
  const canIssue = hasPermission(INVOICE_ISSUE);

  const columns: ColumnsType<Invoice> = [
    {
      title: t('finance.invoice.externalNo'),
      dataIndex: 'externalNo',
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDetailId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('finance.customer'), dataIndex: 'customerName' },
    { title: t('finance.doc.label'), key: 'doc', render: (_, r) => r.orderNo ?? r.contractNo },
    {
      title: t('finance.invoice.kind'),
      dataIndex: 'kind',
      render: (v: string) => <DictText dict="finance.invoiceKind" value={v} />,
    },
    {
      title: t('finance.invoice.totalGross'),
      dataIndex: 'totalGross',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    {
      title: t('finance.invoice.issueDate'),
      dataIndex: 'issueDate',
      render: (v: string, r) => (
        <>
          {v} {r.isLate ? <Tag color="orange">{t('finance.invoice.late')}</Tag> : null}
        </>
      ),
    },
    { title: t('finance.invoice.dueDate'), dataIndex: 'dueDate' },
    {
      title: t('finance.status'),
      dataIndex: 'status',
      render: (v: string) => (
        <StatusTag dict="finance.invoiceStatus" value={v} colors={INVOICE_STATUS_COLORS} testId="invoice-status" />
      ),
    },
    { title: t('finance.owner'), dataIndex: 'ownerName' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" icon={<FilePdfOutlined />} href={`/api/invoices/${r.id}/pdf`} target="_blank">
            PDF
          </Button>
          {canIssue && r.status === 'issued' ? (
            <Button size="small" danger onClick={() => setVoiding(r)} data-testid="invoice-void">
              {t('finance.invoice.void')}
            </Button>
          ) : null}
          {canIssue && r.status === 'void' ? (
            <Button size="small" onClick={() => setReissuing(r)} data-testid="invoice-reissue">
              {t('finance.invoice.reissue')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const lineColumns: ColumnsType<InvoiceLine> = [
    { title: '#', dataIndex: 'lineNo', width: 40 },
    { title: t('finance.invoice.description'), dataIndex: 'description' },
    { title: t('finance.invoice.qty'), dataIndex: 'qty', align: 'right', render: (v: string) => String(Number(v)) },
    {
      title: t('finance.invoice.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    {
      title: t('finance.invoice.taxRate'),
      dataIndex: 'taxRate',
      align: 'right',
      render: (v: string) => `${Number(v)}%`,
    },
    {
      title: t('finance.invoice.totalGross'),
      dataIndex: 'grossAmount',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
  ];
  const onSearch = (v: Filters) =>
    patch({
      keyword: v.keyword || undefined,
      status: v.status,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    }) || void list.refetch();
  const d = detail.data;

  return (
    <Card>
      <PageHeader
        title={t('menu.financeInvoices')}
        extra={
          canIssue ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="invoice-new">
              {t('finance.invoice.new')}
            </Button>
          ) : null
        }
      />
      <Form
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={onSearch}
        initialValues={{ keyword: query.keyword, status: query.status }}
      >
        <Form.Item name="keyword">
          <Input allowClear placeholder={t('finance.invoice.keyword')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <DictSelect
            dict="finance.invoiceStatus"
            values={INVOICE_STATUSES}
            placeholder={t('finance.status')}
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
      {list.isError && !list.data ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Invoice>
          data-testid="invoice-table"
          rowTestId="invoice-row"
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
      <InvoiceModal open={issuing} onClose={() => setIssuing(false)} />
      {reissuing ? (
        <InvoiceModal
          open
          onClose={() => setReissuing(null)}
          reissueOf={{
            id: reissuing.id,
            doc: reissuing.orderId ? { orderId: reissuing.orderId } : { contractId: reissuing.contractId ?? undefined },
          }}
        />
      ) : null}
      <ReasonModal
        title={t('finance.invoice.void')}
        open={!!voiding}
        loading={voidIt.isPending}
        onCancel={() => setVoiding(null)}
        onOk={(reason) =>
          voiding &&
          voidIt
            .mutateAsync({ _id: voiding.id, version: voiding.version, reason })
            .then(() => setVoiding(null))
            .catch((e) => handleError(e))
        }
      />
      <Drawer
        open={!!detailId}
        onClose={() => setDetailId(null)}
        size={drawerSize}
        title={d ? `${t('finance.invoice.externalNo')} ${d.externalNo}` : ''}
      >
        {d ? (
          <>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('finance.invoice.buyerName')}>{d.buyerName}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.buyerTaxNo')}>{d.buyerTaxNo ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.buyerPhone')}>{d.buyerPhone ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.issueDate')}>{d.issueDate}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.dueDate')}>{d.dueDate}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.issuerName')}>{d.issuerName}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.payeeName')}>{d.payeeName}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.totalGross')}>
                <MoneyText value={d.totalGross} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.words')}>{d.amountInWords}</Descriptions.Item>
              {d.voidReason ? (
                <Descriptions.Item label={t('finance.invoice.voidReason')}>{d.voidReason}</Descriptions.Item>
              ) : null}
            </Descriptions>
            <Table<InvoiceLine>
              style={{ marginTop: 16 }}
              size="small"
              rowKey="lineNo"
              pagination={false}
              columns={lineColumns}
              dataSource={d.lines}
            />
          </>
        ) : null}
      </Drawer>
    </Card>
  );
}
