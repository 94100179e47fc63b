import { Alert, Button, Card, Descriptions, Form, Input, Rate, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusTag } from '../../../components/StatusTag';
import { validValues } from '../../../components/validValues';
import { useRecordVisit, useVisit } from '../api';

const STATUS_COLORS: Record<string, string> = { planned: 'blue', done: 'green', cancelled: 'default' };

/** One return visit: its source and script, and the form recording outcome, satisfaction 1–5 and comments. */
export function VisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useVisit(id);
  const record = useRecordVisit(id);
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const v = query.data;
  const label = (f: string) => t(`visit.field.${f}`);
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    record.mutate(
      { ...values, satisfaction: values.outcome === 'reached' ? values.satisfaction : null, version: v.version },
      { onError: (e) => handleError(e, { form, onStale: () => void query.refetch() }) },
    );
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={`${t('visit.title')} · ${v.customerName}`}
          onBack={() => navigate('/return-visits')}
          tags={<StatusTag dict="visit.status" value={v.status} colors={STATUS_COLORS} testId="visit-status-tag" />}
        />
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={label('customerName')}>
            <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={label('subject')}>{v.subject}</Descriptions.Item>
          <Descriptions.Item label={label('dueDate')}>{formatDate(v.dueDate)}</Descriptions.Item>
          <Descriptions.Item label={label('source')}>
            {v.deliveryId ? (
              <Link to={`/deliveries/${v.deliveryId}`}>{v.deliveryNo}</Link>
            ) : v.ticketId ? (
              <Link to={`/service/tickets/${v.ticketId}`}>{v.ticketNo}</Link>
            ) : (
              (v.surveyTitle ?? t(`visit.source.${v.sourceType}`))
            )}
          </Descriptions.Item>
          <Descriptions.Item label={label('productName')}>{orDash(v.productName)}</Descriptions.Item>
          <Descriptions.Item label={label('ownerName')}>{orDash(v.ownerName)}</Descriptions.Item>
          {v.engineerName ? (
            <Descriptions.Item label={label('engineerName')}>{v.engineerName}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Title level={5}>{label('script')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.script}</Typography.Paragraph>
      </Card>
      {v.status === 'done' ? (
        <Card title={t('visit.result')} size="small">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={label('outcome')}>
              {v.outcome ? t(`visit.outcome.${v.outcome}`) : '-'}
            </Descriptions.Item>
            <Descriptions.Item label={label('satisfaction')}>
              {v.satisfaction ? <Rate disabled value={v.satisfaction} /> : '-'}
            </Descriptions.Item>
            <Descriptions.Item label={label('comments')}>{orDash(v.comments)}</Descriptions.Item>
            <Descriptions.Item label={label('doneAt')}>
              {formatDateTime(v.doneAt)} {orDash(v.doneByName)}
            </Descriptions.Item>
          </Descriptions>
          {v.complaintId ? (
            <Alert
              type="warning"
              showIcon
              message={
                <span>
                  {t('visit.complaintOpened')}{' '}
                  <Link to={`/complaints/${v.complaintId}`} data-testid="visit-complaint-link">
                    {v.complaintNo}
                  </Link>
                </span>
              }
            />
          ) : null}
        </Card>
      ) : null}
      {v.canRecord ? (
        <Card title={t('visit.record')} size="small">
          <Form form={form} layout="vertical" initialValues={{ outcome: 'reached' }} style={{ maxWidth: 640 }}>
            <Form.Item name="outcome" label={label('outcome')} rules={[{ required: true }]}>
              <Select
                options={['reached', 'unreachable', 'refused'].map((o) => ({
                  value: o,
                  label: t(`visit.outcome.${o}`),
                }))}
                data-testid="visit-outcome"
              />
            </Form.Item>
            {outcome === 'reached' ? (
              <Form.Item
                name="satisfaction"
                label={label('satisfaction')}
                rules={[{ required: true, message: t('visit.scoreRequired') }]}
                extra={t('visit.lowScoreHint')}
              >
                <Rate data-testid="visit-score" />
              </Form.Item>
            ) : null}
            <Form.Item name="comments" label={label('comments')}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="visit-comments" />
            </Form.Item>
            <Button type="primary" loading={record.isPending} onClick={() => void submit()} data-testid="visit-submit">
              {t('visit.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
