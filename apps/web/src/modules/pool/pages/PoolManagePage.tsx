import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { type Pool, usePools } from '../api';
import { PoolModal } from '../components/PoolModal';

/** 公海管理: the pools and the departments whose people see and claim their customers. */
export function PoolManagePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = usePools();
  const [target, setTarget] = useState<Pool | 'new' | null>(null);

  const columns: ColumnsType<Pool> = [
    {
      title: t('pool.fields.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Space>
          <span data-testid="pool-manage-name">{name}</span>
          {r.isDefault ? <Tag color="gold">{t('pool.manage.default')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('pool.fields.description'), dataIndex: 'description', render: orDash },
    {
      title: t('pool.fields.memberDepts'),
      dataIndex: 'memberDepts',
      render: (depts: Pool['memberDepts']) => (
        <Space size={[0, 4]} wrap>
          {depts.map((d) => (
            <Tag key={d.id}>{d.name}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('pool.fields.customerCount'),
      dataIndex: 'customerCount',
      align: 'right',
      render: (n: number, r) => (
        <Button type="link" size="small" onClick={() => navigate(`/pool?poolId=${r.id}`)}>
          {n}
        </Button>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, r) =>
        r.canManage ? (
          <Button type="link" size="small" onClick={() => setTarget(r)} data-testid="pool-edit">
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.poolManage')}
        onBack={() => navigate('/pool')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="pool-new">
            {t('pool.manage.new')}
          </Button>
        }
      />
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<Pool>
          data-testid="pool-manage-table"
          rowTestId="pool-manage-row"
          columns={columns}
          items={query.data?.items}
          loading={query.isFetching}
        />
      )}
      <PoolModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
