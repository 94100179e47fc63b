import { PhoneOutlined } from '@ant-design/icons';
import { money } from '@sales/core';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { ErrorSection, QueryErrorResult } from '../../../app/ErrorPages';
import { DocumentLinks } from '../../../components/DocumentLinks';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { useIsMobile } from '../../../components/useIsMobile';
import { useContacts } from '../../customers/api';
import { FollowUpModal } from '../../customers/components/FollowUpModal';
import { type Invoice, type InvoiceBalance, type InvoiceLine, useInvoice } from '../api';
import { INVOICE_STATUS_COLORS } from '../constants';

/** 催收: a collection follow-up on the invoice's customer, prefilled with the invoice and its open amount. */
function CollectModal({
  invoice,
  balance,
  onClose,
}: {
  invoice: Invoice;
  balance: InvoiceBalance;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const contacts = useContacts(invoice.customerId);
  return (
    <FollowUpModal
      customerId={invoice.customerId}
      contacts={contacts.data?.items ?? []}
      open
      onClose={onClose}
      initial={{
        type: 'collection',
        content: t('finance.invoice.collectNote', {
          externalNo: invoice.externalNo,
          amount: money(balance.outstanding).toFixed(2),
          days: balance.daysOverdue,
        }),
      }}
    />
  );
}

/** What is still owed on the invoice (maintained receivables), with the 催收 action while something is open. */
function BalancePanel({ invoice, balance }: { invoice: Invoice; balance: InvoiceBalance }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [collecting, setCollecting] = useState(false);
  const open = money(balance.outstanding).gt(0);
  return (
    <>
      <Alert
        type={!open ? 'success' : balance.daysOverdue > 0 ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="invoice-balance"
        title={
          <Space wrap size={[12, 4]}>
            <span>
              {t('finance.invoice.outstanding')}{' '}
              <Typography.Text strong data-testid="invoice-outstanding">
                <MoneyText value={balance.outstanding} />
              </Typography.Text>
            </span>
            <Typography.Text type="secondary">
              {t('finance.invoice.applied')} <MoneyText value={balance.applied} />
            </Typography.Text>
            {open && balance.daysOverdue > 0 ? (
              <Typography.Text type="danger">
                {t('finance.invoice.daysOverdue', { n: balance.daysOverdue })}
              </Typography.Text>
            ) : null}
            {!open ? <span>{t('finance.invoice.settled')}</span> : null}
          </Space>
        }
        action={
          open && hasPermission('followup.create') ? (
            <Button
              type="primary"
              icon={<PhoneOutlined />}
              onClick={() => setCollecting(true)}
              data-testid="invoice-collect"
            >
              {t('finance.invoice.collect')}
            </Button>
          ) : null
        }
      />
      {collecting ? <CollectModal invoice={invoice} balance={balance} onClose={() => setCollecting(false)} /> : null}
    </>
  );
}

/**
 * An invoice's detail (opened from the list, a link or a collection task): its open balance and
 * 催收, its order or contract and the payments against it, the buyer's facts and the lines.
 */
export function InvoiceDetailDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const detail = useInvoice(id);
  const d = detail.data;
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
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isMobile ? '100%' : 760}
      title={d ? `${t('finance.invoice.externalNo')} ${d.externalNo}` : ''}
      data-testid="invoice-drawer"
    >
      <ErrorSection what={t('documents.type.invoice')}>
        {detail.isPending ? <Skeleton active /> : null}
        {detail.isError ? <QueryErrorResult error={detail.error} onRetry={() => void detail.refetch()} /> : null}
        {d ? (
          <>
            {d.balance ? <BalancePanel invoice={d} balance={d.balance} /> : null}
            <DocumentLinks type="invoice" id={d.id} />
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('finance.customer')}>{d.customerName}</Descriptions.Item>
              <Descriptions.Item label={t('finance.status')}>
                <StatusTag dict="finance.invoiceStatus" value={d.status} colors={INVOICE_STATUS_COLORS} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.buyerName')}>{d.buyerName}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.buyerTaxNo')}>{d.buyerTaxNo ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.buyerPhone')}>{d.buyerPhone ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.issueDate')}>{formatDate(d.issueDate)}</Descriptions.Item>
              <Descriptions.Item label={t('finance.invoice.dueDate')}>{formatDate(d.dueDate)}</Descriptions.Item>
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
              scroll={{ x: 'max-content' }}
              columns={lineColumns}
              dataSource={d.lines}
            />
          </>
        ) : null}
      </ErrorSection>
    </Drawer>
  );
}
