import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload } from '../../../app/api';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DetailTabs } from '../../../components/DetailTabs';
import { DocumentLinks } from '../../../components/DocumentLinks';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusTag } from '../../../components/StatusTag';
import { useTicket, useTicketCommand } from '../api';
import { SlaTag } from '../components/SlaTag';
import { ACTION_PATHS, type ModalAction, TicketActionModal } from '../components/TicketActionModal';
import { TicketWork } from '../components/TicketWork';
import { minutesText, PRIORITY_COLORS, TICKET_HANDLE, TICKET_STATUS_COLORS } from '../constants';
import type { SlaClockView, TicketActionName, TicketDetail } from '../types';

const MODAL: readonly string[] = Object.keys(ACTION_PATHS);
// Button order on the page; 'check' shows as the two installation facts instead.
const ORDER: TicketActionName[] = [
  'assign',
  'reply',
  'visit',
  'part',
  'charge',
  'wait',
  'resume',
  'priority',
  'resolve',
  'sign',
  'confirm',
  'reopen',
];

function ClockCard({ clock }: { clock: SlaClockView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<SlaTag metric={clock.metric} clock={clock} />} data-testid={`clock-${clock.metric}`}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('service.sla.target')}>{minutesText(t, clock.targetMinutes)}</Descriptions.Item>
        <Descriptions.Item label={t('service.sla.due')}>
          {orDash(clock.dueAt ? formatDateTime(clock.dueAt) : null)}
        </Descriptions.Item>
        {clock.pausedMinutes > 0 || clock.pausedSince ? (
          <Descriptions.Item label={t('service.sla.paused')}>
            {[
              clock.pausedMinutes > 0 ? minutesText(t, clock.pausedMinutes) : null,
              clock.pausedSince ? t('service.sla.pausedSince', { at: formatDateTime(clock.pausedSince) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Descriptions.Item>
        ) : null}
        {clock.metAt ? (
          <Descriptions.Item label={t('service.sla.metAt')}>{formatDateTime(clock.metAt)}</Descriptions.Item>
        ) : null}
        {clock.breachedAt ? (
          <Descriptions.Item label={t('service.sla.breachedAt')}>{formatDateTime(clock.breachedAt)}</Descriptions.Item>
        ) : null}
        {clock.usedMinutes !== null ? (
          <Descriptions.Item label={t('service.sla.used')}>{minutesText(t, clock.usedMinutes)}</Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

function Facts({ d }: { d: TicketDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`service.fields.${k}`);
  const warranty = d.warrantyUntil
    ? d.inWarranty
      ? t('service.warranty.inUntil', { date: formatDate(d.warrantyUntil) })
      : t('service.warranty.outSince', { date: formatDate(d.warrantyUntil) })
    : d.productId
      ? t('service.warranty.none')
      : '-';
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="ticket-facts">
      <Descriptions.Item label={f('customer')}>
        <Link to={`/customers/${d.customerId}`}>{d.customerName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={f('contactName')}>
        {[d.contactName, d.contactPhone].filter(Boolean).join(' ') || '-'}
      </Descriptions.Item>
      <Descriptions.Item label={f('type')}>{t(`service.type.${d.type}`)}</Descriptions.Item>
      <Descriptions.Item label={f('source')}>{t(`service.source.${d.source}`)}</Descriptions.Item>
      <Descriptions.Item label={f('batch')}>
        {orDash([d.batchNo, d.serialNo].filter(Boolean).join(' / ') || null)}
      </Descriptions.Item>
      <Descriptions.Item label={f('warranty')}>
        <span data-testid="ticket-warranty">{warranty}</span>
        {d.productId ? (
          <Tag style={{ marginInlineStart: 8 }} color={d.inWarranty ? 'green' : 'orange'}>
            {d.inWarranty ? t('service.warranty.free') : t('service.warranty.paid')}
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={f('engineer')}>{d.engineerName ?? t('service.unassigned')}</Descriptions.Item>
      <Descriptions.Item label={f('createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
      {d.dueAt ? <Descriptions.Item label={f('dueAt')}>{formatDateTime(d.dueAt)}</Descriptions.Item> : null}
      {d.waitReason ? (
        <Descriptions.Item label={f('waitReason')}>{t(`service.waitReason.${d.waitReason}`)}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label={f('firstResponseAt')}>
        {orDash(d.firstResponseAt ? formatDateTime(d.firstResponseAt) : null)}
      </Descriptions.Item>
      <Descriptions.Item label={f('resolvedAt')}>
        {orDash(d.resolvedAt ? formatDateTime(d.resolvedAt) : null)}
      </Descriptions.Item>
      {d.closedAt ? <Descriptions.Item label={f('closedAt')}>{formatDateTime(d.closedAt)}</Descriptions.Item> : null}
      {d.inWarranty && d.charges.length === 0 ? null : (
        <Descriptions.Item label={f('chargeTotal')}>
          <MoneyText value={d.chargeTotal} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={f('subject')} span={{ xs: 1, sm: 2, lg: 3 }}>
        {d.subject}
        {d.description ? <div style={{ whiteSpace: 'pre-wrap' }}>{d.description}</div> : null}
      </Descriptions.Item>
      {d.resolution ? (
        <Descriptions.Item label={f('resolution')} span={{ xs: 1, sm: 2, lg: 3 }}>
          {d.resolution}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** 工单详情: facts, SLA clocks, replies, visits, parts, charges, the service report and the actions the state allows. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useAuth();
  const query = useTicket(id);
  const command = useTicketCommand(id);
  const [action, setAction] = useState<ModalAction | null>(null);
  const [downloading, setDownloading] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const handle = hasPermission(TICKET_HANDLE);
  const run = (path: string, body: unknown, onDone?: () => void, form?: Parameters<typeof handleError>[1]) =>
    command.mutate(
      { path, body },
      {
        onSuccess: () => {
          message.success(t('service.done'));
          onDone?.();
        },
        onError: (e) => handleError(e, { ...form, onStale: () => void query.refetch() }),
      },
    );
  const click = (a: TicketActionName) => {
    if (MODAL.includes(a)) return setAction(a as ModalAction);
    const path = a === 'resume' ? '/resume' : '/confirm';
    modal.confirm({
      title: t(`service.confirm.${a}`, { no: d.no }),
      okText: t(`service.actions.${a}`),
      onOk: () => run(path, { version: d.version }),
    });
  };
  const pdf = async () => {
    setDownloading(true);
    try {
      await apiDownload(`/api/service-tickets/${id}/report.pdf`, {}, `${d.no}.pdf`);
    } catch (e) {
      handleError(e);
    } finally {
      setDownloading(false);
    }
  };
  // In-warranty service is free: no charge lines (the server refuses them too).
  const buttons = handle ? ORDER.filter((a) => d.actions.includes(a) && !(a === 'charge' && d.inWarranty)) : [];
  const blockers = d.status === 'resolved' ? d.closeBlockers : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={`${t('service.ticket')} ${d.no}`}
          subTitle={d.subject}
          tags={
            <Space size={4} wrap>
              <StatusTag dict="service.status" value={d.status} colors={TICKET_STATUS_COLORS} testId="ticket-status" />
              <Tag color={PRIORITY_COLORS[d.priority]}>{t(`service.priority.${d.priority}`)}</Tag>
            </Space>
          }
        />
        <Space wrap style={{ marginBottom: 16 }}>
          {buttons.map((a) => (
            <Button
              key={a}
              type={a === 'confirm' || a === 'resolve' ? 'primary' : 'default'}
              onClick={() => click(a)}
              data-testid={`action-${a}`}
            >
              {t(`service.actions.${a}`)}
            </Button>
          ))}
          <Button icon={<FilePdfOutlined />} loading={downloading} onClick={() => void pdf()} data-testid="ticket-pdf">
            {t('service.report.pdf')}
          </Button>
        </Space>
        {blockers.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="close-blockers"
            message={t('service.blockers.title')}
            description={blockers.map((b) => t(`service.blockers.${b}`)).join('；')}
          />
        ) : null}
        <DocumentLinks type="service_ticket" id={d.id} />
        <Facts d={d} />
      </Card>
      <Row gutter={[16, 16]}>
        {(['response', 'resolution'] as const).map((m) =>
          d.sla[m] ? (
            <Col key={m} xs={24} md={12}>
              <ClockCard clock={d.sla[m] as SlaClockView} />
            </Col>
          ) : null,
        )}
      </Row>
      <Card>
        <DetailTabs
          items={[
            {
              key: 'replies',
              label: t('service.tabs.replies'),
              children: d.replies.length ? (
                <List
                  dataSource={d.replies}
                  renderItem={(r) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <Tag>{t(`service.replyKind.${r.kind}`)}</Tag>
                            <span>{r.authorName}</span>
                            <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
                          </Space>
                        }
                        description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.body}</span>}
                      />
                    </List.Item>
                  )}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.empty')} />
              ),
            },
            {
              key: 'work',
              label: t('service.tabs.work'),
              children: (
                <TicketWork
                  d={d}
                  canCheck={handle && d.actions.includes('check')}
                  onCheck={(item) => run('/checks', { item, version: d.version })}
                />
              ),
            },
          ]}
        />
      </Card>
      <TicketActionModal
        action={action}
        ticket={d}
        submitting={command.isPending}
        onClose={() => setAction(null)}
        onSubmit={(body, form) => action && run(ACTION_PATHS[action], body, () => setAction(null), { form })}
      />
    </Space>
  );
}
