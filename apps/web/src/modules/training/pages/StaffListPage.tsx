import { Card, Form, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { UserSelect } from '../../../components/UserSelect';
import { useListUrlState } from '../../../components/useListUrlState';
import { useStaffList } from '../api';
import { OnboardingTag } from '../components/OnboardingTag';
import type { StaffRow } from '../types';

/** 员工档案: onboarding, the confidentiality agreement and certificates of the people in scope. */
export function StaffListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const userId = Number(sp.get('userId')) || undefined;
  const list = useStaffList({ page, pageSize, userId });
  const f = (k: string) => t(`training.fields.${k}`);
  const columns: ColumnsType<StaffRow> = [
    {
      title: f('person'),
      dataIndex: 'name',
      key: 'name',
      width: 120,
      render: (v: string, r) => <Link to={`/training/staff/${r.userId}`}>{v}</Link>,
    },
    { title: f('dept'), dataIndex: 'deptName', width: 140 },
    {
      title: f('onboarding'),
      dataIndex: 'onboardingStatus',
      width: 200,
      render: (v: string | null, r) => <OnboardingTag status={v} dueOn={r.onboardingDueOn} />,
    },
    {
      title: f('agreement'),
      dataIndex: 'agreementSignedOn',
      width: 150,
      render: (v: string | null) =>
        v ? (
          t('training.signedOn', { date: formatDate(v) })
        ) : (
          <Tag color="error">{t('training.issue.agreement_missing')}</Tag>
        ),
    },
    {
      title: f('certificates'),
      dataIndex: 'validCertificates',
      width: 180,
      render: (v: number, r) => (
        <>
          {t('training.validCount', { count: v })}
          {r.expiredCertificates > 0 ? (
            <Tag color="error" style={{ marginInlineStart: 8 }}>
              {t('training.expiredCount', { count: r.expiredCertificates })}
            </Tag>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.trainingStaff')} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={f('person')}>
          <UserSelect
            style={{ width: 220 }}
            value={userId}
            onChange={(v) => patch({ userId: v ?? undefined })}
            testId="staff-filter-user"
          />
        </Form.Item>
      </Form>
      <DataTable<StaffRow>
        data-testid="staff-table"
        rowKey="userId"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="name"
        onRowClick={(r) => navigate(`/training/staff/${r.userId}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
    </Card>
  );
}
