import { Badge, Card, Flex, Segmented, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { DeptTreeSelect } from '../../admin/components/DeptTreeSelect';
import { HEALTH_KINDS, type HealthItem, type HealthKind, useProcessHealth } from '../api';

/**
 * 流程监控 (SPEC 5.1): documents stuck in a state or an approval beyond the policy's days, overdue
 * follow-ups and receivables, slipped orders — per department, each row opening its record.
 */
export function ProcessHealthPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { page, pageSize, sp, patch } = useListUrlState();
  const rawKind = sp.get('kind');
  const kind = HEALTH_KINDS.includes(rawKind as HealthKind) ? (rawKind as HealthKind) : undefined;
  const deptId = Number(sp.get('deptId')) || undefined;
  const q = useProcessHealth({ kind, deptId, page, pageSize });
  const byKind = q.data?.byKind ?? {};
  const all = Object.values(byKind).reduce((a, b) => a + (b ?? 0), 0);
  const f = (k: string) => t(`monitoring.fields.${k}`);
  const columns: ColumnsType<HealthItem> = [
    {
      title: f('kind'),
      dataIndex: 'kind',
      width: 150,
      render: (v: HealthKind) => <Tag data-testid="health-kind">{t(`monitoring.kind.${v}`)}</Tag>,
    },
    {
      title: f('no'),
      dataIndex: 'no',
      width: 170,
      render: (v: string, r) => (
        <Link to={r.link} onClick={(e) => e.stopPropagation()} data-testid="health-link">
          {v}
        </Link>
      ),
    },
    { title: f('customer'), dataIndex: 'customerName', width: 200, ellipsis: true },
    { title: f('owner'), dataIndex: 'ownerName', width: 100 },
    { title: f('dept'), dataIndex: 'deptName', width: 130 },
    { title: f('since'), dataIndex: 'since', width: 120, render: (v: string) => formatDate(v) },
    {
      title: f('days'),
      dataIndex: 'days',
      width: 100,
      align: 'right',
      render: (v: number) => <Typography.Text type="danger">{t('monitoring.daysValue', { count: v })}</Typography.Text>,
    },
    {
      title: f('amount'),
      dataIndex: 'amount',
      width: 140,
      align: 'right',
      render: (v: string | null) => <MoneyText value={v} />,
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.processHealth')}
        extra={
          <DeptTreeSelect
            testId="health-dept"
            style={{ minWidth: 200 }}
            placeholder={t('monitoring.allDepts')}
            value={deptId}
            onChange={(v) => patch({ deptId: v ? String(v) : undefined })}
          />
        }
      />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={kind ?? 'all'}
          onChange={(v) => patch({ kind: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: <KindLabel label={t('monitoring.all')} n={all} /> },
            ...HEALTH_KINDS.map((k) => ({
              value: k,
              label: <KindLabel label={t(`monitoring.kind.${k}`)} n={byKind[k] ?? 0} />,
            })),
          ]}
          data-testid="health-kinds"
        />
      </div>
      <DataTable<HealthItem>
        rowTestId="health-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.total ?? 0}
        totalCapped={q.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={q.isFetching}
        locale={{ emptyText: t('monitoring.empty') }}
        onRowClick={(r) => navigate(r.link)}
        onPageChange={(p, ps) =>
          patch({ page: p === 1 ? undefined : String(p), pageSize: ps === 20 ? undefined : String(ps) }, false)
        }
      />
    </Card>
  );
}

function KindLabel({ label, n }: { label: string; n: number }) {
  return (
    <Flex align="center" gap={4}>
      {label}
      {n ? <Badge count={n} overflowCount={9999} size="small" /> : null}
    </Flex>
  );
}
