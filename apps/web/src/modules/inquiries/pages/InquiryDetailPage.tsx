import { Button, Card, Descriptions, Form, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { useIsMobile } from '../../../components/useIsMobile';
import { useInquiry, useInquiryMutation } from '../api';
import { ConvertActions } from '../components/ConvertActions';
import { PresaleFormModal } from '../components/PresaleFormModal';
import { InquiryStatusTag } from './InquiriesPage';

/** One inquiry: who asked what, the reply clock, the answer, conversion and pre-sale requests. */
export function InquiryDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useInquiry(id);
  const isMobile = useIsMobile();
  const [form] = Form.useForm();
  const [presaleOpen, setPresaleOpen] = useState(false);
  const onError = useApiErrorHandler();
  const answer = useInquiryMutation<{ answer: string; version: number }>(`/api/inquiries/${id}/answer`);
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpinner />;
  const d = q.data;
  const f = (k: string) => t(`inquiries.fields.${k}`);
  return (
    <Card data-testid="inquiry-detail">
      <PageHeader
        title={`${d.contactName}${d.company ? ` · ${d.company}` : ''}`}
        onBack={() => navigate('/inquiries')}
        tags={<InquiryStatusTag q={d} />}
        extra={d.canHandle ? <ConvertActions q={d} /> : null}
      />
      <Descriptions bordered size="small" column={isMobile ? 1 : 2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={f('channel')}>{t(`inquiries.channel.${d.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={f('topic')}>{t(`inquiries.topic.${d.topic}`)}</Descriptions.Item>
        <Descriptions.Item label={f('mobile')}>{d.mobile ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('email')}>{d.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('handler')}>{d.handlerName}</Descriptions.Item>
        <Descriptions.Item label={f('receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
        {d.replyDueAt ? (
          <Descriptions.Item label={f('replyDueAt')}>{formatDateTime(d.replyDueAt)}</Descriptions.Item>
        ) : null}
        {d.answeredAt ? (
          <Descriptions.Item label={f('answeredAt')}>{formatDateTime(d.answeredAt)}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={f('products')} span={2}>
          {d.products?.length ? d.products.map((p) => <Tag key={p.id}>{`${p.code} ${p.name}`}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={f('question')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{d.question}</div>
        </Descriptions.Item>
        {d.answer ? (
          <Descriptions.Item label={f('answer')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{d.answer}</div>
          </Descriptions.Item>
        ) : null}
        {d.customerId || d.opportunityId ? (
          <Descriptions.Item label={t('inquiries.converted')} span={2}>
            <Space wrap>
              {d.customerId ? <Link to={`/customers/${d.customerId}`}>{t('inquiries.openCustomer')}</Link> : null}
              {d.opportunityId ? (
                <Link to={`/opportunities/${d.opportunityId}`}>{t('inquiries.openOpportunity')}</Link>
              ) : null}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {d.status === 'open' && d.canHandle ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            answer.mutate({ answer: v.answer, version: d.version }, { onError: (e) => onError(e, { form }) })
          }
        >
          <Form.Item name="answer" label={f('answer')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="inquiry-answer" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="inquiry-answer-save">
            {t('inquiries.answer')}
          </Button>
        </Form>
      ) : null}
      <Card
        size="small"
        title={t('menu.presaleRequests')}
        style={{ marginTop: 16 }}
        extra={
          d.canHandle ? (
            <Button size="small" data-testid="presale-new" onClick={() => setPresaleOpen(true)}>
              {t('presale.new')}
            </Button>
          ) : null
        }
      >
        <List
          dataSource={d.presaleRequests ?? []}
          locale={{ emptyText: t('presale.none') }}
          renderItem={(r) => (
            <List.Item>
              <Link to={`/presale-requests/${r.id}`}>{`${t(`presale.kind.${r.kind}`)}：${r.detail}`}</Link>
              <Tag>{t(`presale.status.${r.status}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('attachments.tab')} style={{ marginTop: 16 }}>
        <RecordAttachments recordPath={`/api/inquiries/${id}`} canChange={!!d.canHandle} />
      </Card>
      <PresaleFormModal inquiryId={id} open={presaleOpen} onClose={() => setPresaleOpen(false)} />
    </Card>
  );
}
