import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Modal, Progress, Row, Select, Skeleton, Space, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { apiFetch, type Paged } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyText } from '../../../components/MoneyText';
import { buttonTestId } from '../../../components/testId';
import { useEventCommand, useEventReport } from '../api';
import { EVENT_INVITE, EVENT_PLAN } from '../constants';
import type { EventDetail, EventReport } from '../types';

/** Picks an order in the user's order scope by its number, and attributes it to the event. */
function AttributeModal({ eventId, onClose }: { eventId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [orderId, setOrderId] = useState<number | undefined>();
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const orders = useQuery({
    queryKey: ['events', 'order-search', keyword],
    queryFn: ({ signal }) =>
      apiFetch<Paged<{ id: number; no: string; customerName: string }>>('/api/orders', {
        query: { keyword, pageSize: 20 },
        signal,
      }),
    enabled: keyword.length > 0,
  });
  const save = async () => {
    if (!orderId) return;
    try {
      await command.mutateAsync({ path: `/events/${eventId}/orders`, body: { orderId } });
      onClose();
    } catch (err) {
      handleError(err);
    }
  };
  return (
    <Modal
      open
      title={t('events.attribute')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={{ ...buttonTestId('attribute-save'), disabled: !orderId }}
    >
      <Select<number>
        style={{ width: '100%' }}
        value={orderId}
        onChange={setOrderId}
        showSearch={{ filterOption: false, onSearch: setInput }}
        placeholder={t('events.orderPick')}
        data-testid="attribute-order"
        options={(orders.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.no} ${o.customerName}` }))}
      />
    </Modal>
  );
}

const rate = (n: number, of: number) => (of > 0 ? Math.round((n * 100) / of) : 0);

/** The event report (SPEC 2.7): funnel, money, cost per attendee, ROI, per rep, decline reasons, deals. */
export function ReportTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const query = useEventReport(event.id);
  const [attributing, setAttributing] = useState(false);
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  const { modal } = App.useApp();
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r: EventReport = query.data;
  const x = r.figures;
  const g = (k: string) => t(`events.figures.${k}`);
  const f = (k: string) => t(`events.fields.${k}`);
  const funnel = [
    ['invited', x.invited],
    ['accepted', x.accepted],
    ['confirmed', x.confirmed],
    ['attended', x.attended],
    ['deals', x.deals],
  ] as const;
  const mayAttribute = (hasPermission(EVENT_PLAN) || hasPermission(EVENT_INVITE)) && event.status === 'approved';
  const detach = (orderId: number) =>
    modal.confirm({
      title: t('events.detach'),
      onOk: async () => {
        try {
          await command.mutateAsync({ path: `/events/${event.id}/orders/detach`, body: { orderId } });
        } catch (err) {
          handleError(err);
        }
      },
    });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="event-report">
      <Row gutter={[16, 16]}>
        {(['revenue', 'cost', 'costPerAttendee'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Statistic title={g(k)} valueRender={() => (x[k] === null ? '-' : <MoneyText value={x[k]} />)} />
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Statistic title={g('roi')} value={x.roi === null ? '-' : `${x.roi}%`} data-testid="report-roi" />
        </Col>
      </Row>
      <Card size="small" title={t('events.funnel')}>
        {funnel.map(([k, n]) => (
          <Row key={k} gutter={8} align="middle" data-testid={`funnel-${k}`}>
            <Col flex="90px">{g(k)}</Col>
            <Col flex="auto">
              <Progress percent={rate(n, Math.max(x.invited, x.attended))} format={() => n} />
            </Col>
          </Row>
        ))}
      </Card>
      <Table
        size="small"
        rowKey="repId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => t('events.byRep')}
        dataSource={r.reps}
        columns={[
          { title: f('rep'), dataIndex: 'repName' },
          ...(['invited', 'accepted', 'confirmed', 'attended', 'deals'] as const).map((k) => ({
            title: g(k),
            dataIndex: k,
            align: 'right' as const,
          })),
          { title: g('revenue'), dataIndex: 'revenue', align: 'right', render: (v: string) => <MoneyText value={v} /> },
        ]}
      />
      <Table
        size="small"
        rowKey="reason"
        pagination={false}
        title={() => t('events.reasons')}
        dataSource={r.declineReasons}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.noData')} /> }}
        columns={[
          { title: f('reason'), dataIndex: 'reason', render: (v: string) => t(`events.reason.${v}`) },
          { title: f('count'), dataIndex: 'count', align: 'right' },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => (
          <Space>
            {t('events.deals')}
            {mayAttribute && (
              <Button size="small" onClick={() => setAttributing(true)} data-testid="event-attribute">
                {t('events.attribute')}
              </Button>
            )}
          </Space>
        )}
        dataSource={r.deals}
        columns={[
          { title: f('orderNo'), dataIndex: 'no' },
          { title: f('customer'), dataIndex: 'customer' },
          { title: f('orderOwner'), dataIndex: 'ownerName' },
          { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <MoneyText value={v} /> },
          ...(mayAttribute
            ? [
                {
                  title: '',
                  key: 'x',
                  render: (_: unknown, o: { id: number }) => (
                    <Button size="small" type="link" onClick={() => detach(o.id)}>
                      {t('events.detach')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {attributing && <AttributeModal eventId={event.id} onClose={() => setAttributing(false)} />}
    </Space>
  );
}
