import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { DutyGroupModal } from '../components/DutyGroupModal';
import { OnDutyPanel } from '../components/OnDutyPanel';
import { RosterGrid } from '../components/RosterGrid';
import { type DutyGroup, useDutyGroups } from '../dutyApi';

/** 轮值排班: duty groups (接待小组) with their rotation order, and each group's weekly roster. */
export function DutyPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [sp, setSp] = useSearchParams();
  const [target, setTarget] = useState<DutyGroup | 'new' | null>(null);
  const query = useDutyGroups();
  const groups = query.data?.items ?? [];
  const selectedId = Number(sp.get('group')) || groups[0]?.id;
  const selected = groups.find((g) => g.id === selectedId);

  const select = (id: number) => {
    const next = new URLSearchParams(sp);
    next.set('group', String(id));
    setSp(next, { replace: true });
  };

  const columns: ColumnsType<DutyGroup> = [
    {
      title: t('duty.fields.name'),
      dataIndex: 'name',
      render: (name: string, g) => (
        <Space>
          <span data-testid="duty-group-name-cell">{name}</span>
          {g.id === selected?.id ? <Tag color="blue">{t('duty.selected')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('duty.fields.dept'), dataIndex: 'deptName' },
    {
      title: t('duty.fields.members'),
      dataIndex: 'members',
      render: (members: DutyGroup['members']) => (
        <Space size={[0, 4]} wrap>
          {members.map((m) => (
            <Tag key={m.userId} color={m.active ? undefined : 'default'}>
              {m.position}. {m.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('duty.fields.active'),
      dataIndex: 'active',
      render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'duty.activeOn' : 'duty.activeOff')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, g) => (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            setTarget(g);
          }}
          data-testid="duty-group-edit"
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {hasPermission('frontdesk.register') ? <OnDutyPanel /> : null}
      <Card>
        <PageHeader
          title={t('menu.duty')}
          extra={
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget('new')}
              data-testid="duty-group-new"
            >
              {t('duty.newGroup')}
            </Button>
          }
        />
        {query.isError ? (
          <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <DataTable<DutyGroup>
            data-testid="duty-groups"
            rowTestId="duty-group-row"
            columns={columns}
            items={groups}
            loading={query.isFetching}
            onRowClick={(g) => select(g.id)}
            rowClassName={(g) => (g.id === selected?.id ? 'ant-table-row-selected' : '')}
          />
        )}
      </Card>
      {selected ? (
        <RosterGrid key={selected.id} group={selected} />
      ) : query.isSuccess ? (
        <Card>
          <Empty description={t('duty.noGroups')} />
        </Card>
      ) : null}
      <DutyGroupModal target={target} onClose={() => setTarget(null)} onSaved={(g) => select(g.id)} />
    </Space>
  );
}
