import { App, Button, Card, Descriptions, Empty, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusTag } from '../../../components/StatusTag';
import { useComplaint, useComplaintAction } from '../api';
import { CompensationApproval } from '../components/CompensationApproval';
import { ComplaintActionModal, type ComplaintModalAction } from '../components/ComplaintActionModal';
import { COMPLAINT_STATUS_COLORS, SEVERITY_COLORS } from '../constants';

const STEPS = ['open', 'investigating', 'decided', 'closed'] as const;

/** One complaint with its chain: investigation, findings, decision and what it created, verification, reach. */
export function ComplaintDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const id = Number(useParams().id);
  const query = useComplaint(id);
  const act = useComplaintAction(id);
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState<ComplaintModalAction | null>(null);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const label = (f: string) => t(`complaint.field.${f}`);
  const step = c.status === 'cancelled' ? 0 : STEPS.indexOf(c.status as (typeof STEPS)[number]);
  const buttons = c.actions.map((a) =>
    a === 'mark_incident' ? (
      <Button
        key={a}
        danger
        data-testid="complaint-incident"
        onClick={() =>
          modal.confirm({
            title: t('complaint.action.mark_incident'),
            content: t('complaint.incidentConfirm'),
            onOk: () =>
              act.mutateAsync({ path: 'incident', body: { version: c.version } }).catch((e) => handleError(e)),
          })
        }
      >
        {t('complaint.action.mark_incident')}
      </Button>
    ) : (
      <Button
        key={a}
        type={a === 'cancel' ? 'default' : 'primary'}
        data-testid={`complaint-${a}`}
        onClick={() => setOpen(a as ComplaintModalAction)}
      >
        {t(`complaint.action.${a}`)}
      </Button>
    ),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={`${t('complaint.title')} ${c.no}`}
          onBack={() => navigate('/complaints')}
          tags={
            <>
              <StatusTag
                dict="complaint.status"
                value={c.status}
                colors={COMPLAINT_STATUS_COLORS}
                testId="complaint-status"
              />
              <StatusTag dict="complaint.severity" value={c.severity} colors={SEVERITY_COLORS} />
              {c.qualityIncident ? <Tag color="red">{t('complaint.qualityIncident')}</Tag> : null}
            </>
          }
          extra={<Space wrap>{buttons}</Space>}
        />
        <Steps
          size="small"
          current={c.status === 'closed' ? STEPS.length : step}
          status={c.status === 'cancelled' ? 'error' : undefined}
          items={STEPS.map((s) => ({ title: t(`complaint.status.${s}`) }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={label('customerName')}>
            <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={label('orderNo')}>
            {c.orderId ? <Link to={`/orders/${c.orderId}`}>{c.orderNo}</Link> : '-'}
          </Descriptions.Item>
          <Descriptions.Item label={label('deliveryNo')}>
            {c.deliveryId ? <Link to={`/deliveries/${c.deliveryId}`}>{c.deliveryNo}</Link> : '-'}
          </Descriptions.Item>
          <Descriptions.Item label={label('category')}>{t(`complaint.category.${c.category}`)}</Descriptions.Item>
          <Descriptions.Item label={label('source')}>
            {c.sourceType === 'return_visit' && c.sourceId ? (
              <Link to={`/return-visits/${c.sourceId}`}>{t('complaint.fromVisit')}</Link>
            ) : (
              t('complaint.fromRep')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={label('ownerName')}>{orDash(c.ownerName)}</Descriptions.Item>
          <Descriptions.Item label={label('reportedByName')}>{orDash(c.reportedByName)}</Descriptions.Item>
          <Descriptions.Item label={label('createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={label('handlerName')}>{orDash(c.handlerName)}</Descriptions.Item>
          <Descriptions.Item label={label('subject')} span={3}>
            {c.subject}
          </Descriptions.Item>
          <Descriptions.Item label={label('description')} span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
          </Descriptions.Item>
          {c.files.length ? (
            <Descriptions.Item label={t('complaint.evidence')} span={3}>
              <Space wrap>
                {c.files.map((f) => (
                  <a key={f.id} href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer">
                    {f.fileName}
                  </a>
                ))}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('complaint.investigation')} size="small">
        {c.investigators.length ? (
          <Table
            size="small"
            rowKey="userId"
            pagination={false}
            scroll={{ x: true }}
            dataSource={c.investigators}
            columns={[
              { title: label('role'), dataIndex: 'role', render: (v: string) => t(`complaint.role.${v}`) },
              { title: label('investigator'), dataIndex: 'name' },
              { title: label('dueDate'), dataIndex: 'dueDate', render: formatDate },
              {
                title: label('finding'),
                dataIndex: 'finding',
                render: (v: string | null) => v ?? t('complaint.pendingFinding'),
              },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaint.noInvestigation')} />
        )}
      </Card>
      <Card title={t('complaint.handling')} size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={label('cause')}>{orDash(c.cause)}</Descriptions.Item>
          <Descriptions.Item label={label('decision')}>
            {c.decision ? t(`complaint.decision.${c.decision}`) : '-'}
          </Descriptions.Item>
          {c.decisionNote ? (
            <Descriptions.Item label={label('decisionNote')}>{c.decisionNote}</Descriptions.Item>
          ) : null}
          {c.ticketId ? (
            <Descriptions.Item label={label('ticket')}>
              <Link to={`/service/tickets/${c.ticketId}`}>{c.ticketNo}</Link>
            </Descriptions.Item>
          ) : null}
          {c.replacementDeliveryId ? (
            <Descriptions.Item label={label('replacementDelivery')}>
              <Link to={`/deliveries/${c.replacementDeliveryId}`} data-testid="complaint-replacement-link">
                {c.replacementDeliveryNo}
              </Link>{' '}
              <StatusTag dict="delivery.status" value={c.replacementDeliveryStatus} />
            </Descriptions.Item>
          ) : null}
          {c.compensationAmount ? (
            <Descriptions.Item label={label('compensationAmount')}>
              <MoneyText value={c.compensationAmount} />{' '}
              <Tag>{t(`complaint.compensationState.${c.compensationState}`)}</Tag>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={label('decidedByName')}>{orDash(c.decidedByName)}</Descriptions.Item>
          <Descriptions.Item label={label('verificationResult')}>
            {c.verificationResult ? (
              <Tag
                color={c.verificationResult === 'verified' ? 'green' : 'orange'}
                data-testid="complaint-verification"
              >
                {t(`complaint.verification.${c.verificationResult}`)}
              </Tag>
            ) : (
              '-'
            )}
          </Descriptions.Item>
          {c.verificationNote ? (
            <Descriptions.Item label={label('verificationNote')}>{c.verificationNote}</Descriptions.Item>
          ) : null}
          {c.verifiedAt ? (
            <Descriptions.Item label={label('verifiedAt')}>
              {formatDateTime(c.verifiedAt)} {orDash(c.verifiedByName)}
            </Descriptions.Item>
          ) : null}
          {c.cancelReason ? (
            <Descriptions.Item label={label('cancelReason')}>{c.cancelReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {c.approvalInstanceId ? <CompensationApproval complaintId={c.id} instanceId={c.approvalInstanceId} /> : null}
      </Card>
      {c.qualityIncident ? (
        <Card title={t('complaint.affected', { n: c.affected.length })} size="small">
          <Table
            size="small"
            rowKey={(r) => `${r.deliveryId}-${r.batchNo}`}
            pagination={false}
            scroll={{ x: true }}
            dataSource={c.affected}
            data-testid="complaint-affected"
            columns={[
              {
                title: label('customerName'),
                dataIndex: 'customerName',
                render: (v: string, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link>,
              },
              {
                title: label('deliveryNo'),
                dataIndex: 'deliveryNo',
                render: (v: string, r) => <Link to={`/deliveries/${r.deliveryId}`}>{v}</Link>,
              },
              { title: label('batchNo'), dataIndex: 'batchNo' },
              {
                title: label('qty'),
                dataIndex: 'qty',
                align: 'right',
                render: (v: string) => Number(v).toLocaleString(),
              },
              { title: label('followUpBy'), dataIndex: 'ownerName' },
            ]}
          />
        </Card>
      ) : null}
      {open ? <ComplaintActionModal complaint={c} action={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}
