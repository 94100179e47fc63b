import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useAudits } from '../api';
import { AuditFormModal } from '../components/AuditFormModal';
import { AUDIT_STATUS_COLORS, QUALITY_MANAGE } from '../constants';
import type { AuditRow } from '../types';

/** 内部审核: the audits in scope (the quality department's all, a manager's of their departments). */
export function AuditListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const status = sp.get('status') ?? undefined;
  const list = useAudits({ status, page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`quality.fields.${k}`);
  const columns: ColumnsType<AuditRow> = [
    {
      title: f('auditNo'),
      dataIndex: 'no',
      key: 'no',
      width: 130,
      render: (v: string, r) => <Link to={`/quality/audits/${r.id}`}>{v}</Link>,
    },
    { title: f('title'), dataIndex: 'title', width: 260, ellipsis: true },
    { title: f('auditDate'), dataIndex: 'auditDate', width: 110, render: (v: string) => formatDate(v) },
    { title: f('auditedDept'), dataIndex: 'deptName', width: 110 },
    { title: f('leadAuditor'), dataIndex: 'leadAuditorName', width: 100 },
    { title: f('findingCount'), dataIndex: 'findings', width: 90, align: 'right' },
    { title: f('openCapaCount'), dataIndex: 'openCapas', width: 100, align: 'right' },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <StatusTag dict="quality.auditStatus" value={v} colors={AUDIT_STATUS_COLORS} />,
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.qualityAudits')}
        extra={
          hasPermission(QUALITY_MANAGE) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="audit-new">
              {t('quality.newAudit')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={f('status')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => patch({ status: v })}
          options={(['planned', 'reported', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`quality.auditStatus.${s}`),
          }))}
        />
      </Flex>
      <DataTable<AuditRow>
        data-testid="audits-table"
        rowTestId="audit-row"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="title"
        onRowClick={(r) => navigate(`/quality/audits/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {creating && (
        <AuditFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/quality/audits/${id}`)} />
      )}
    </Card>
  );
}
