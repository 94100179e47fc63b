import { PlusOutlined } from '@ant-design/icons';
import type { TicketStatus } from '@sales/core';
import { Badge, Button, Card, Col, Empty, Flex, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useTicketList } from '../api';
import { toneStyle } from '../components/SlaTag';
import { BOARD_COLUMNS, PRIORITY_COLORS, SLA_TONE_COLORS, type SlaTone, slaTone, TICKET_CREATE } from '../constants';
import type { TicketFilters, TicketListItem } from '../types';

const PAGE = 30;
const TONES: SlaTone[] = ['running', 'warning', 'breached', 'paused', 'met'];

/** A ticket on the board: number, subject, customer, engineer, priority; its left edge coloured by SLA tone. */
export function TicketCard({ item }: { item: TicketListItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tone = slaTone(item.sla);
  const due = item.sla.response?.state === 'met' ? item.sla.resolution?.dueAt : item.sla.response?.dueAt;
  return (
    <Card
      size="small"
      hoverable
      onClick={() => navigate(`/service/tickets/${item.id}`)}
      style={{ ...toneStyle(tone), marginBottom: 8 }}
      data-testid="ticket-card"
      data-tone={tone}
    >
      <Flex justify="space-between" gap={4} wrap>
        <Typography.Text strong>{item.no}</Typography.Text>
        <Tag color={PRIORITY_COLORS[item.priority]} style={{ marginInlineEnd: 0 }}>
          {t(`service.priority.${item.priority}`)}
        </Tag>
      </Flex>
      <div style={{ overflowWrap: 'anywhere' }}>{item.subject}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {item.customerName} · {item.engineerName ?? t('service.unassigned')}
      </Typography.Text>
      <Flex justify="space-between" gap={4} wrap style={{ fontSize: 12 }}>
        <span style={{ color: SLA_TONE_COLORS[tone] }}>{t(`service.tone.${tone}`)}</span>
        {due ? <span>{t('service.sla.dueShort', { at: formatDateTime(due) })}</span> : null}
      </Flex>
    </Card>
  );
}

function Column({ status, filters }: { status: TicketStatus; filters: TicketFilters }) {
  const { t } = useTranslation();
  const q = useTicketList({ ...filters, status, page: 1, pageSize: PAGE });
  const items = q.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <Space>
          {t(`service.status.${status}`)}
          <Badge count={q.data?.total ?? 0} showZero color="#8c8c8c" overflowCount={999} />
        </Space>
      }
      styles={{ body: { padding: 8, background: '#fafafa', minHeight: 80 } }}
      data-testid={`board-column-${status}`}
    >
      {q.isError ? (
        <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.board.empty')} />
      ) : (
        items.map((i) => <TicketCard key={i.id} item={i} />)
      )}
      {(q.data?.total ?? 0) > PAGE ? (
        <Typography.Text type="secondary">
          {t('service.board.more', { n: (q.data?.total ?? 0) - PAGE })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** The legend of the SLA colours. */
export function ToneLegend() {
  const { t } = useTranslation();
  return (
    <Space wrap size={12} data-testid="tone-legend">
      {TONES.map((tone) => (
        <Space key={tone} size={4}>
          <span
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 2,
              background: SLA_TONE_COLORS[tone],
            }}
          />
          <Typography.Text type="secondary">{t(`service.tone.${tone}`)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

/** Board for the given filters (all tickets in scope, or one engineer's): one column per status. */
export function TicketBoard({ filters }: { filters: TicketFilters }) {
  return (
    <Row gutter={[12, 12]} wrap>
      {BOARD_COLUMNS.map((s) => (
        <Col key={s} xs={24} sm={12} lg={8} xl={4}>
          <Column status={s} filters={filters} />
        </Col>
      ))}
    </Row>
  );
}

/** 工单看板: every ticket in the viewer's scope by status, coloured by SLA. */
export function TicketBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [sp] = useSearchParams();
  // The customer 360's "view all" opens the board of one customer.
  const customerId = Number(sp.get('customerId'));
  const filters: TicketFilters = Number.isInteger(customerId) && customerId > 0 ? { customerId } : {};
  return (
    <Card>
      <PageHeader
        title={t('menu.serviceBoard')}
        extra={
          hasPermission(TICKET_CREATE) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/service/tickets/new')}
              data-testid="ticket-new"
            >
              {t('menu.newTicket')}
            </Button>
          ) : null
        }
      />
      <div style={{ marginBottom: 12 }}>
        <ToneLegend />
      </div>
      <TicketBoard filters={filters} />
    </Card>
  );
}
