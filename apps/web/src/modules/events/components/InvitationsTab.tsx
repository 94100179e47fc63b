import { QrcodeOutlined } from '@ant-design/icons';
import { INVITE_RESULTS } from '@sales/core';
import { App, Button, Popover, QRCode, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { formatDateTime } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import { useEventCommand, useInvitations } from '../api';
import { EVENT_INVITE, RESULT_COLORS } from '../constants';
import type { EventDetail, Invitation } from '../types';
import { InviteModal } from './InviteModal';
import { ResultModal } from './ResultModal';

/** The rendered script; a missing merge field shows as its marker, highlighted and named below. */
export function ScriptPreview({ inv }: { inv: Invitation }) {
  const { t } = useTranslation();
  if (!inv.script) return <Typography.Text type="secondary">{t('events.noScript')}</Typography.Text>;
  const parts = inv.script.split(/(【缺:[^】]+】)/);
  return (
    <div data-testid={`script-${inv.id}`}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
        {parts.map((p, i) =>
          p.startsWith('【缺:') ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
            <Typography.Text key={i} type="danger" mark>
              {p}
            </Typography.Text>
          ) : (
            p
          ),
        )}
      </Typography.Paragraph>
      {inv.missing.length > 0 && (
        <Tag color="error" data-testid={`script-missing-${inv.id}`}>
          {t('events.missingFields', { fields: inv.missing.join('、') })}
        </Tag>
      )}
    </div>
  );
}

/** The invitation plan and its results: who invites whom, how, the answer, confirmation and check-in. */
export function InvitationsTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<string | undefined>();
  const list = useInvitations(event.id, { page, pageSize: 20, result });
  const [inviting, setInviting] = useState(false);
  const [recording, setRecording] = useState<Invitation | null>(null);
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const canInvite = hasPermission(EVENT_INVITE) && event.status === 'approved';
  const f = (k: string) => t(`events.fields.${k}`);
  const confirm = async (inv: Invitation) => {
    try {
      await command.mutateAsync({ path: `/event-invitations/${inv.id}/confirm`, body: { version: inv.version } });
      message.success(t('events.confirmedOk'));
    } catch (err) {
      handleError(err);
    }
  };
  const columns: ColumnsType<Invitation> = [
    {
      title: f('customer'),
      dataIndex: 'customerName',
      width: 180,
      render: (v: string, r) => (
        <Space size={4}>
          {v}
          {r.walkIn && <Tag>{t('events.walkInTag')}</Tag>}
        </Space>
      ),
    },
    { title: f('rep'), dataIndex: 'repName', width: 90 },
    { title: f('method'), dataIndex: 'method', width: 90, render: (v: string) => t(`events.method.${v}`) },
    {
      title: f('result'),
      dataIndex: 'result',
      width: 170,
      render: (v: string, r) => (
        <Space direction="vertical" size={0}>
          <StatusTag dict="events.result" value={v} colors={RESULT_COLORS} />
          {r.declineReason && (
            <Typography.Text type="secondary">
              {t(`events.reason.${r.declineReason}`)}
              {r.reasonNote ? `：${r.reasonNote}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: f('confirmedAt'), dataIndex: 'confirmedAt', width: 140, render: (v: string | null) => formatDateTime(v) },
    {
      title: f('checkedInAt'),
      dataIndex: 'checkedInAt',
      width: 160,
      render: (v: string | null, r) => (v ? `${formatDateTime(v)}${r.seat ? ` · ${r.seat}` : ''}` : '-'),
    },
    {
      title: '',
      key: 'actions',
      width: 220,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {canInvite && (
            <Button size="small" onClick={() => setRecording(r)} data-testid={`record-${r.id}`}>
              {t('events.record')}
            </Button>
          )}
          {canInvite && r.result === 'accepted' && !r.confirmedAt && !r.checkedInAt && (
            <Button size="small" onClick={() => void confirm(r)} data-testid={`confirm-${r.id}`}>
              {t('events.confirm')}
            </Button>
          )}
          <Popover
            trigger="click"
            title={t('events.qr')}
            content={
              <Space direction="vertical" align="center">
                <QRCode value={`${window.location.origin}/event-guests/${r.token}`} size={160} />
                <Typography.Text type="secondary">{t('events.qrHint')}</Typography.Text>
              </Space>
            }
          >
            <Button size="small" icon={<QrcodeOutlined />} aria-label={t('events.qr')} data-testid={`qr-${r.id}`} />
          </Popover>
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DictSelect
          dict="events.result"
          values={INVITE_RESULTS}
          value={result}
          onChange={(v) => {
            setResult(v);
            setPage(1);
          }}
          placeholder={f('result')}
          style={{ width: 160 }}
          testId="invitations-result-filter"
        />
        {canInvite && (
          <Button type="primary" onClick={() => setInviting(true)} data-testid="event-invite">
            {t('events.invite')}
          </Button>
        )}
      </Space>
      <Table<Invitation>
        data-testid="invitations-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <ScriptPreview inv={r} />, columnTitle: t('events.scriptPreview') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {inviting && <InviteModal eventId={event.id} onClose={() => setInviting(false)} />}
      {recording && <ResultModal invitation={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
