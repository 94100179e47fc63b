import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiDownload } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import { type Statement, useStatement } from '../api';
import { today } from '../constants';

type Entry = Statement['entries'][number];

/** 客户对账单: opening balance, invoices (debit), payments (credit), running and closing balance; PDF / xlsx. */
export function StatementPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [sp, setSp] = useSearchParams();
  const customerId = Number(sp.get('customerId')) || undefined;
  const [range, setRange] = useState<[string, string]>([`${today().slice(0, 4)}-01-01`, today()]);
  const q = { from: range[0], to: range[1] };
  const st = useStatement(customerId, q);
  const money = (v: string) => (v !== '0.00' ? <MoneyText value={v} /> : '');
  const columns: ColumnsType<Entry> = [
    { title: t('finance.statement.date'), dataIndex: 'date', width: 110 },
    { title: t('finance.statement.description'), dataIndex: 'description' },
    { title: t('finance.statement.no'), dataIndex: 'no' },
    { title: t('finance.doc.label'), dataIndex: 'documentNo' },
    { title: t('finance.statement.debit'), dataIndex: 'debit', align: 'right', render: money },
    { title: t('finance.statement.credit'), dataIndex: 'credit', align: 'right', render: money },
    {
      title: t('finance.statement.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
  ];
  const download = async (ext: 'pdf' | 'xlsx') => {
    try {
      await apiDownload(`/api/customers/${customerId}/statement.${ext}`, q, `statement.${ext}`);
    } catch (e) {
      handleError(e);
    }
  };
  const s = st.data;
  return (
    <Card>
      <PageHeader
        title={t('menu.financeStatement')}
        extra={
          customerId ? (
            <Space>
              <Button icon={<FilePdfOutlined />} onClick={() => void download('pdf')} data-testid="statement-pdf">
                PDF
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')} data-testid="statement-xlsx">
                Excel
              </Button>
            </Space>
          ) : null
        }
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <CustomerPicker
          style={{ width: 320 }}
          value={customerId}
          initialOption={s ? { id: s.customer.id, no: s.customer.no, name: s.customer.name } : null}
          onChange={(id) => setSp(id ? { customerId: String(id) } : {})}
          testId="statement-customer"
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
      </Space>
      {!customerId ? (
        <Empty description={t('finance.statement.pickCustomer')} />
      ) : st.isError ? (
        <QueryErrorResult error={st.error} onRetry={() => void st.refetch()} />
      ) : (
        <>
          {s ? (
            <Descriptions size="small" bordered column={4} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('finance.statement.opening')}>
                <MoneyText value={s.openingBalance} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.statement.totalDebit')}>
                <MoneyText value={s.totalDebit} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.statement.totalCredit')}>
                <MoneyText value={s.totalCredit} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.statement.closing')}>
                <strong data-testid="statement-closing">
                  <MoneyText value={s.closingBalance} />
                </strong>
              </Descriptions.Item>
            </Descriptions>
          ) : null}
          <Table<Entry>
            data-testid="statement-table"
            rowKey={(r) => `${r.kind}-${r.no}`}
            size="middle"
            loading={st.isFetching}
            columns={columns}
            dataSource={s?.entries}
            pagination={false}
          />
        </>
      )}
    </Card>
  );
}
