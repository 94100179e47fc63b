import { StarFilled } from '@ant-design/icons';
import { Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime, orDash } from '../../../components/format';
import type { PoolContact, PoolHistoryEntry } from '../api';
import { LeaveReason } from './LeaveReason';

/** Every time the customer left an owner for a pool, newest first. */
export function PoolHistoryTable({ items }: { items: PoolHistoryEntry[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<PoolHistoryEntry> = [
    { title: t('pool.fields.at'), dataIndex: 'at', render: formatDateTime, width: 170 },
    { title: t('pool.fields.lastOwnerName'), dataIndex: 'userName' },
    { title: t('pool.fields.reason'), key: 'reason', render: (_, r) => <LeaveReason how={r.how} reason={r.reason} /> },
    { title: t('pool.fields.poolName'), dataIndex: 'poolName' },
  ];
  return (
    <DataTable<PoolHistoryEntry>
      data-testid="pool-history"
      rowTestId="pool-history-row"
      rowKey={(r) => `${r.at}-${r.userName}-${r.how}`}
      columns={columns}
      items={items}
      size="small"
      locale={{ emptyText: t('pool.noHistory') }}
    />
  );
}

/** The customer's contacts as the pool shows them (masked). */
export function PoolContactsTable({ items }: { items: PoolContact[] }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.contact.${f}`);
  const columns: ColumnsType<PoolContact> = [
    {
      title: label('name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Space>
          {name}
          {r.isPrimary ? <StarFilled style={{ color: '#faad14' }} title={label('isPrimary')} /> : null}
        </Space>
      ),
    },
    { title: label('title'), dataIndex: 'title', render: orDash },
    { title: label('mobile'), dataIndex: 'mobile', render: orDash },
    { title: label('email'), dataIndex: 'email', render: orDash },
  ];
  return (
    <DataTable<PoolContact>
      data-testid="pool-contacts"
      rowTestId="pool-contact-row"
      columns={columns}
      items={items}
      size="small"
    />
  );
}
