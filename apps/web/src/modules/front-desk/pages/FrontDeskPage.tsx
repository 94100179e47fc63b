import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { type Registration, useRegistrations } from '../api';
import { OnDutyPanel } from '../components/OnDutyPanel';
import { RegistrationForm } from '../components/RegistrationForm';
import { RegistrationResult } from '../components/RegistrationResult';
import { useRegistrationColumns } from '../components/registrationColumns';
import { TodayCounts } from '../components/TodayCounts';
import { useCompanyToday } from '../components/useCompanyToday';

/** Today's registrations at the desk (newest first). */
function TodayRegistrations() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useCompanyToday();
  const [page, setPage] = useState(1);
  const query = useRegistrations({ from: today, to: today, page, pageSize: 10 });
  const columns = useRegistrationColumns(true);
  return (
    <Card size="small" title={t('frontDesk.todayList')} style={{ marginTop: 16 }}>
      <DataTable<Registration>
        data-testid="fd-today"
        rowTestId="fd-today-row"
        size="small"
        columns={columns}
        items={query.data?.items}
        total={query.data?.total ?? 0}
        totalCapped={query.data?.totalCapped}
        page={page}
        pageSize={10}
        loading={query.isFetching}
        onPageChange={(p) => setPage(p)}
        onRowClick={(r) => navigate(`/front-desk/registrations/${r.id}`)}
      />
    </Card>
  );
}

/** 前台登记: register a call or visit fast, see where it went, today's list and counts. */
export function FrontDeskPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const canView = hasPermission('frontdesk.view');
  const [result, setResult] = useState<Registration | null>(null);

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card style={{ marginBottom: 16 }}>
            <PageHeader title={t('menu.frontDesk')} />
            <RegistrationForm onRegistered={setResult} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {result ? <RegistrationResult reg={result} onClose={() => setResult(null)} /> : null}
          <OnDutyPanel />
          {canView ? <TodayCounts /> : null}
        </Col>
      </Row>
      {canView ? <TodayRegistrations /> : null}
    </>
  );
}
