import { Card, Checkbox, Flex, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useCapas } from '../api';
import { CAPA_STATUS_COLORS } from '../constants';
import type { Capa } from '../types';

/** 纠正/预防措施: the actions in scope (an owner's own), latest due first; overdue ones flagged. */
export function CapaListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const status = sp.get('status') ?? undefined;
  const overdue = sp.get('overdue') === 'true';
  const list = useCapas({ status, overdue: overdue || undefined, page, pageSize });
  const f = (k: string) => t(`quality.fields.${k}`);
  const columns: ColumnsType<Capa> = [
    {
      title: f('capaNo'),
      dataIndex: 'no',
      key: 'no',
      width: 140,
      render: (v: string, r) => <Link to={`/quality/capas/${r.id}`}>{v}</Link>,
    },
    {
      title: f('capaKind'),
      dataIndex: 'kind',
      width: 80,
      render: (v: string) => t(`quality.capaKind.${v}`),
    },
    { title: f('action'), dataIndex: 'action', width: 260, ellipsis: true },
    { title: f('owner'), dataIndex: 'ownerName', width: 90 },
    { title: f('audit'), dataIndex: 'auditNo', width: 120 },
    {
      title: f('dueDate'),
      dataIndex: 'dueDate',
      width: 140,
      render: (v: string, r) => (
        <Space size={4}>
          {formatDate(v)}
          {r.overdue && <Tag color="red">{t('quality.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <StatusTag dict="quality.capaStatus" value={v} colors={CAPA_STATUS_COLORS} />,
    },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.qualityCapas')} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={f('status')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => patch({ status: v })}
          options={(['open', 'implemented', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`quality.capaStatus.${s}`),
          }))}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => patch({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="capa-overdue-only"
        >
          {t('quality.overdueOnly')}
        </Checkbox>
      </Flex>
      <DataTable<Capa>
        data-testid="capas-table"
        rowTestId="capa-row"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="no"
        onRowClick={(r) => navigate(`/quality/capas/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
    </Card>
  );
}
