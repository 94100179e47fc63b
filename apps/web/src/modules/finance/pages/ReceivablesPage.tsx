import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { type ArrearsRow, type ReceivableRow, useArrears, useReceivables } from '../api';
import { RECEIVABLE_EXPORT, today } from '../constants';

const money0 = (v: string) => v === '0.00';
const BUCKETS = ['notDue', 'd1_30', 'd31_60', 'd61_90', 'over90'] as const;
const PAGE_SIZE = 50;

/** 应收账款: aging per customer as of a date, and the arrears list (客户欠款明细表) with xlsx export. */
export function ReceivablesPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const [asOf, setAsOf] = useState(today());
  const [exporting, setExporting] = useState(false);
  const [tab, setTab] = useState('aging');
  // Both lists are paged on the server (50 rows, totals over the whole scope); a new date starts at page 1.
  const [agingPage, setAgingPage] = useState(1);
  const [arrearsPage, setArrearsPage] = useState(1);
  const aging = useReceivables({ asOf, page: agingPage, pageSize: PAGE_SIZE });
  const arrears = useArrears({ asOf, page: arrearsPage, pageSize: PAGE_SIZE }, tab === 'arrears');
  const pagination = (page: number, total: number | undefined, onChange: (p: number) => void) => ({
    current: page,
    pageSize: PAGE_SIZE,
    total: total ?? 0,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange,
  });
  const money = (v: string) => <MoneyText value={v} />;

  const agingColumns: ColumnsType<ReceivableRow> = [
    {
      title: t('finance.customer'),
      dataIndex: 'customerName',
      fixed: 'left',
      render: (v: string, r) => <Link to={`/finance/statement?customerId=${r.customerId}`}>{v}</Link>,
    },
    { title: t('finance.receivable.invoiced'), dataIndex: 'invoiced', align: 'right', render: money },
    { title: t('finance.receivable.received'), dataIndex: 'received', align: 'right', render: money },
    { title: t('finance.receivable.writtenOff'), dataIndex: 'writtenOff', align: 'right', render: money },
    {
      title: t('finance.receivable.outstanding'),
      dataIndex: 'outstanding',
      align: 'right',
      render: (v: string) => <strong>{money(v)}</strong>,
    },
    ...BUCKETS.map((b) => ({
      title: t(`finance.bucket.${b}`),
      key: b,
      align: 'right' as const,
      render: (_: unknown, r: ReceivableRow) =>
        !money0(r.buckets[b]) ? (
          <span style={{ color: b === 'over90' ? '#cf1322' : undefined }}>{money(r.buckets[b])}</span>
        ) : (
          '-'
        ),
    })),
  ];
  const arrearsColumns: ColumnsType<ArrearsRow> = [
    { title: t('finance.customer'), dataIndex: 'customerName' },
    { title: t('finance.doc.label'), dataIndex: 'documentNo' },
    { title: t('finance.invoice.externalNo'), dataIndex: 'externalNo' },
    { title: t('finance.invoice.issueDate'), dataIndex: 'issueDate' },
    { title: t('finance.invoice.dueDate'), dataIndex: 'dueDate' },
    { title: t('finance.receivable.invoiced'), dataIndex: 'invoiced', align: 'right', render: money },
    { title: t('finance.receivable.received'), dataIndex: 'received', align: 'right', render: money },
    { title: t('finance.receivable.outstanding'), dataIndex: 'outstanding', align: 'right', render: money },
    {
      title: t('finance.receivable.daysOverdue'),
      dataIndex: 'daysOverdue',
      align: 'right',
      render: (v: number) => (v > 0 ? <Tag color={v > 90 ? 'red' : v > 30 ? 'orange' : 'gold'}>{v}</Tag> : '-'),
    },
    { title: t('finance.owner'), dataIndex: 'ownerName' },
  ];
  const onExport = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/receivables/arrears/export', { asOf }, 'arrears.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };
  const totals = aging.data?.totals;

  return (
    <Card>
      <PageHeader
        title={t('menu.financeReceivables')}
        extra={
          <Space>
            <span>{t('finance.receivable.asOf')}</span>
            <DatePicker
              value={dayjs(asOf)}
              allowClear={false}
              onChange={(d) => {
                if (!d) return;
                setAsOf(d.format('YYYY-MM-DD'));
                setAgingPage(1);
                setArrearsPage(1);
              }}
              data-testid="receivable-asof"
            />
            {hasPermission(RECEIVABLE_EXPORT) ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void onExport()}
                data-testid="arrears-export"
              >
                {t('finance.receivable.exportArrears')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'aging',
            label: t('finance.receivable.aging'),
            children:
              aging.isError && !aging.data ? (
                <QueryErrorResult error={aging.error} onRetry={() => void aging.refetch()} />
              ) : (
                <Table<ReceivableRow>
                  data-testid="aging-table"
                  rowKey="customerId"
                  size="middle"
                  scroll={{ x: 'max-content' }}
                  loading={aging.isFetching}
                  columns={agingColumns}
                  dataSource={aging.data?.items}
                  pagination={pagination(agingPage, aging.data?.total, setAgingPage)}
                  summary={() =>
                    totals ? (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>{t('finance.total')}</Table.Summary.Cell>
                        <Table.Summary.Cell index={1} colSpan={3} />
                        <Table.Summary.Cell index={4} align="right">
                          <strong>{money(totals.outstanding)}</strong>
                        </Table.Summary.Cell>
                        {BUCKETS.map((b, i) => (
                          <Table.Summary.Cell key={b} index={5 + i} align="right">
                            {money(totals[b])}
                          </Table.Summary.Cell>
                        ))}
                      </Table.Summary.Row>
                    ) : null
                  }
                />
              ),
          },
          {
            key: 'arrears',
            label: t('finance.receivable.arrears'),
            children: (
              <Table<ArrearsRow>
                data-testid="arrears-table"
                rowKey="invoiceId"
                size="middle"
                scroll={{ x: 'max-content' }}
                loading={arrears.isFetching}
                columns={arrearsColumns}
                dataSource={arrears.data?.items}
                pagination={pagination(arrearsPage, arrears.data?.total, setArrearsPage)}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
