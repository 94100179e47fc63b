import { Button, Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useIsMobile } from '../../../components/useIsMobile';
import { PRESALE_ACTIONS, useInquiryMutation, usePresaleRequest } from '../api';
import { PresaleStatusTag } from './PresaleRequestsPage';

/** One pre-sale request with the actions its state allows (start, fulfil, cancel, sample returned). */
export function PresaleRequestDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = usePresaleRequest(id);
  const isMobile = useIsMobile();
  const onError = useApiErrorHandler();
  const act = useInquiryMutation<{ action: string; version: number }>(`/api/presale-requests/${id}/actions`);
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpinner />;
  const r = q.data;
  const actions = [...(PRESALE_ACTIONS[r.status] ?? [])];
  if (r.kind === 'sample' && r.status === 'fulfilled' && !r.returnedAt) actions.push('return');
  const f = (k: string) => t(`presale.fields.${k}`);
  return (
    <Card>
      <PageHeader
        title={`${t(`presale.kind.${r.kind}`)} · ${r.company ?? r.contactName}`}
        onBack={() => navigate('/presale-requests')}
        tags={<PresaleStatusTag r={r} />}
        extra={
          r.canHandle ? (
            <Space wrap>
              {actions.map((a) => (
                <Button
                  key={a}
                  data-testid={`presale-${a}`}
                  type={a === 'fulfil' || a === 'return' ? 'primary' : 'default'}
                  loading={act.isPending}
                  onClick={() => act.mutate({ action: a, version: r.version }, { onError: (e) => onError(e) })}
                >
                  {t(`presale.action.${a}`)}
                </Button>
              ))}
            </Space>
          ) : null
        }
      />
      <Descriptions bordered size="small" column={isMobile ? 1 : 2}>
        <Descriptions.Item label={f('detail')} span={2}>
          {r.detail}
        </Descriptions.Item>
        <Descriptions.Item label={f('customer')}>
          <Link to={`/inquiries/${r.inquiryId}`}>{r.company ?? r.contactName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={f('assignee')}>{r.assigneeName}</Descriptions.Item>
        <Descriptions.Item label={f('product')}>{r.productName ?? '—'}</Descriptions.Item>
        {r.kind === 'sample' ? (
          <>
            <Descriptions.Item label={f('quantity')}>{r.quantity}</Descriptions.Item>
            <Descriptions.Item label={f('expectedReturnDate')}>{formatDate(r.expectedReturnDate)}</Descriptions.Item>
            <Descriptions.Item label={f('returnedAt')}>
              {r.returnedAt ? formatDateTime(r.returnedAt) : '—'}
            </Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label={f('createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={f('fulfilledAt')}>
          {r.fulfilledAt ? formatDateTime(r.fulfilledAt) : '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
