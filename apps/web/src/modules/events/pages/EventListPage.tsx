import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useEventList } from '../api';
import { EventFormModal } from '../components/EventFormModal';
import { EVENT_PLAN, EVENT_STATUS_COLORS } from '../constants';
import type { EventFigures } from '../types';

/** 会销活动: every event in scope with its funnel and money (the report across events), latest first. */
export function EventListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { page, pageSize, patch } = useListUrlState();
  const list = useEventList({ page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`events.fields.${k}`);
  const g = (k: string) => t(`events.figures.${k}`);
  const num = (k: keyof EventFigures, width = 80) => ({ title: g(k), dataIndex: k, width, align: 'right' as const });
  const columns: ColumnsType<EventFigures> = [
    {
      title: f('theme'),
      dataIndex: 'theme',
      key: 'theme',
      width: 220,
      ellipsis: true,
      render: (v: string, r) => <Link to={`/events/${r.id}`}>{v}</Link>,
    },
    { title: f('startsAt'), dataIndex: 'startsAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: f('venue'), dataIndex: 'venue', width: 160, ellipsis: true, render: (v: string | null) => v ?? '-' },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <StatusTag dict="events.status" value={v} colors={EVENT_STATUS_COLORS} />,
    },
    num('invited'),
    num('accepted'),
    num('attended'),
    num('deals'),
    {
      title: g('revenue'),
      dataIndex: 'revenue',
      width: 130,
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    { title: g('cost'), dataIndex: 'cost', width: 120, align: 'right', render: (v: string) => <MoneyText value={v} /> },
    {
      title: g('roi'),
      dataIndex: 'roi',
      width: 100,
      align: 'right',
      render: (v: string | null) => (v === null ? '-' : `${v}%`),
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.events')}
        extra={
          hasPermission(EVENT_PLAN) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">
              {t('events.new')}
            </Button>
          ) : null
        }
      />
      <DataTable<EventFigures>
        data-testid="events-table"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="theme"
        onRowClick={(r) => navigate(`/events/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {creating && <EventFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/events/${id}`)} />}
    </Card>
  );
}
