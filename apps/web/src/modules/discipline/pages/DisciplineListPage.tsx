import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useDisciplineList } from '../api';
import { DisciplineFormModal } from '../components/DisciplineFormModal';
import { DISCIPLINE_RECORD, KIND_COLORS, LEVEL_COLORS, STATUS_COLORS } from '../constants';
import type { DisciplineRecord } from '../types';

const FILTERS = {
  kind: ['incident', 'reward'],
  level: ['level1', 'level2', 'level3', 'major'],
  status: ['draft', 'decided', 'acknowledged', 'void'],
} as const;

/** 奖惩记录: the records of the people in scope (a rep's own), latest first, filtered by kind, level, status. */
export function DisciplineListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = {
    kind: sp.get('kind') ?? undefined,
    level: sp.get('level') ?? undefined,
    status: sp.get('status') ?? undefined,
  };
  const list = useDisciplineList({ ...filters, page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`discipline.fields.${k}`);
  const columns: ColumnsType<DisciplineRecord> = [
    {
      title: f('no'),
      dataIndex: 'no',
      key: 'no',
      width: 140,
      render: (v: string, r) => <Link to={`/discipline/${r.id}`}>{v}</Link>,
    },
    { title: f('person'), dataIndex: 'personName', width: 100 },
    { title: f('occurredOn'), dataIndex: 'occurredOn', width: 110, render: (v: string) => formatDate(v) },
    {
      title: f('kind'),
      dataIndex: 'kind',
      width: 80,
      render: (v: string) => <StatusTag dict="discipline.kind" value={v} colors={KIND_COLORS} />,
    },
    {
      title: f('level'),
      dataIndex: 'level',
      width: 90,
      render: (v: string | null) => <StatusTag dict="discipline.level" value={v} colors={LEVEL_COLORS} />,
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <StatusTag dict="discipline.status" value={v} colors={STATUS_COLORS} />,
    },
    { title: f('rule'), dataIndex: 'rule', width: 220, ellipsis: true },
    {
      title: f('lossAmount'),
      dataIndex: 'lossAmount',
      width: 110,
      align: 'right',
      render: (v: string, r) => (r.kind === 'incident' ? <MoneyText value={v} /> : '-'),
    },
    {
      title: f('outcome'),
      dataIndex: 'outcome',
      width: 120,
      render: (v: string | null) => (v ? t(`discipline.outcome.${v}`) : '-'),
    },
    { title: f('dept'), dataIndex: 'deptName', width: 110, ellipsis: true },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.discipline')}
        extra={
          hasPermission(DISCIPLINE_RECORD) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="discipline-new"
            >
              {t('discipline.new')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {(Object.keys(FILTERS) as (keyof typeof FILTERS)[]).map((k) => (
          <Select
            key={k}
            allowClear
            placeholder={f(k)}
            style={{ width: 140 }}
            value={filters[k]}
            onChange={(v) => patch({ [k]: v })}
            options={FILTERS[k].map((v) => ({ value: v, label: t(`discipline.${k}.${v}`) }))}
            data-testid={`discipline-filter-${k}`}
          />
        ))}
      </Flex>
      <DataTable<DisciplineRecord>
        data-testid="discipline-table"
        rowTestId="discipline-row"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="no"
        onRowClick={(r) => navigate(`/discipline/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {creating && (
        <DisciplineFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/discipline/${id}`)} />
      )}
    </Card>
  );
}
