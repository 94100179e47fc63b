import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useDealerList } from '../api';
import { DealerFormModal } from '../components/DealerFormModal';
import { DEALER_MANAGE, STATUS_COLORS } from '../constants';
import type { Dealer } from '../types';

/** 经销商: the dealers of the reps in scope, latest change first, by status or keyword. */
export function DealerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = { q: sp.get('q') ?? undefined, status: sp.get('status') ?? undefined };
  const list = useDealerList({ ...filters, page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`dealers.fields.${k}`);
  const columns: ColumnsType<Dealer> = [
    {
      title: f('no'),
      dataIndex: 'no',
      key: 'no',
      width: 120,
      render: (v: string, r) => <Link to={`/dealers/${r.id}`}>{v}</Link>,
    },
    { title: f('name'), dataIndex: 'name', key: 'name', width: 180, ellipsis: true },
    { title: f('customer'), dataIndex: 'customerName', width: 180, ellipsis: true },
    {
      title: f('territories'),
      dataIndex: 'territories',
      width: 200,
      ellipsis: true,
      render: (v: string[]) => v.join(t('common.listSeparator')),
    },
    {
      title: f('mainContact'),
      dataIndex: 'contacts',
      width: 170,
      render: (v: Dealer['contacts']) => (v[0] ? `${v[0].name} ${v[0].phone}` : '-'),
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <StatusTag dict="dealers.status" value={v} colors={STATUS_COLORS} />,
    },
    { title: f('owner'), dataIndex: 'ownerName', width: 100 },
    { title: f('dept'), dataIndex: 'deptName', width: 110, ellipsis: true },
    { title: f('updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.dealers')}
        extra={
          hasPermission(DEALER_MANAGE) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="dealer-new">
              {t('dealers.new')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('dealers.searchPlaceholder')}
          defaultValue={filters.q}
          onSearch={(v) => patch({ q: v || undefined })}
          style={{ width: 260 }}
          data-testid="dealer-search"
        />
        <Select
          allowClear
          placeholder={f('status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(v) => patch({ status: v })}
          options={(['active', 'suspended'] as const).map((v) => ({ value: v, label: t(`dealers.status.${v}`) }))}
          data-testid="dealer-filter-status"
        />
      </Flex>
      <DataTable<Dealer>
        data-testid="dealer-table"
        rowTestId="dealer-row"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="name"
        onRowClick={(r) => navigate(`/dealers/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {creating && <DealerFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/dealers/${id}`)} />}
    </Card>
  );
}
