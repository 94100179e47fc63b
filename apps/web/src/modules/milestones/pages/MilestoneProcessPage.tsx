import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useMilestoneProcess } from '../api';
import { MilestoneProcessView } from '../components/MilestoneProcessView';

/** One post-sale process: its deal, start, and steps with due dates and documents. */
export function MilestoneProcessPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const query = useMilestoneProcess(id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const f = (k: string) => t(`milestones.fields.${k}`);
  return (
    <Card>
      <PageHeader
        title={`${p.templateName} ${p.no}`}
        tags={
          <>
            <Tag color={p.status === 'completed' ? 'success' : 'processing'}>{t(`milestones.status.${p.status}`)}</Tag>
            {p.lateSteps ? <Tag color="error">{t('milestones.lateCount', { n: p.lateSteps })}</Tag> : null}
          </>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={f('customer')}>
          <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={f('deal')}>
          {p.orderId ? (
            <Link to={`/orders/${p.orderId}?tab=milestones`}>{p.orderNo}</Link>
          ) : (
            <Link to={`/contracts/${p.contractId}`}>{p.contractNo}</Link>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={f('startDate')}>{formatDate(p.startDate)}</Descriptions.Item>
      </Descriptions>
      <MilestoneProcessView process={p} />
    </Card>
  );
}
