import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useSendTestEvent, useWebhookSecret, useWebhooks, type WebhookEndpoint } from '../api';
import { DeliveryLogDrawer, HttpStatus } from '../components/DeliveryLog';
import { SecretModal } from '../components/SecretModal';
import { WebhookModal } from '../components/WebhookModal';
import { eventLabel } from '../labels';

/** 系统管理 → Webhooks: endpoints, their signing secrets, test events and delivery logs (SPEC 1.11). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useWebhooks();
  const test = useSendTestEvent();
  const secretAction = useWebhookSecret();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const [secret, setSecret] = useState<{ value: string; fresh: boolean } | null>(null);

  const sendTest = (e: WebhookEndpoint) =>
    test.mutate(e.id, {
      onSuccess: (d) => {
        const a = d.attemptLog.at(-1);
        if (d.status === 'delivered')
          message.success(t('integrations.webhooks.testOk', { code: a?.statusCode ?? '', ms: a?.durationMs ?? 0 }));
        else message.warning(t('integrations.webhooks.testFailed', { error: d.lastError ?? '' }));
      },
      onError: (err) => handleError(err),
    });
  const showSecret = (e: WebhookEndpoint, action: 'reveal-secret' | 'rotate-secret') =>
    secretAction.mutate(
      { id: e.id, action },
      {
        onSuccess: (r) => setSecret({ value: r.secret, fresh: action === 'rotate-secret' }),
        onError: (err) => handleError(err),
      },
    );

  const label = (f: string) => t(`integrations.webhooks.${f}`);
  const columns: ColumnsType<WebhookEndpoint> = [
    {
      title: label('url'),
      dataIndex: 'url',
      render: (url: string, r) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 360 }}>
          <Typography.Text style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>
          {r.description ? <Typography.Text type="secondary">{r.description}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: label('events'),
      dataIndex: 'events',
      render: (events: string[]) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 280 }}>
          {events.map((e) => (
            <Tag key={e}>{eventLabel(t, e)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: label('active'),
      dataIndex: 'active',
      render: (on: boolean) => (on ? <Tag color="green">{label('on')}</Tag> : <Tag>{label('off')}</Tag>),
    },
    {
      title: label('lastAttempt'),
      key: 'lastAttempt',
      render: (_, r) => (
        <Space direction="vertical" size={4}>
          {r.lastAttempt ? (
            <Space size={4} wrap>
              <HttpStatus code={r.lastAttempt.statusCode} />
              <Typography.Text type="secondary">{formatDateTime(r.lastAttempt.at)}</Typography.Text>
            </Space>
          ) : (
            label('neverSent')
          )}
          {r.pending || r.failed ? (
            <Space size={4} wrap>
              {r.pending ? <Tag color="blue">{t('integrations.webhooks.pendingCount', { n: r.pending })}</Tag> : null}
              {r.failed ? <Tag color="red">{t('integrations.webhooks.failedCount', { n: r.failed })}</Tag> : null}
            </Space>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="webhook-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setLogOf(r)} data-testid="webhook-log">
            {label('log')}
          </Button>
          <Button
            type="link"
            size="small"
            loading={test.isPending && test.variables === r.id}
            onClick={() => sendTest(r)}
            data-testid="webhook-test"
          >
            {label('test')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reveal', label: label('revealSecret') },
                {
                  key: 'rotate',
                  label: (
                    <Popconfirm
                      title={label('rotateConfirm')}
                      okText={label('rotateSecret')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => showSecret(r, 'rotate-secret')}
                    >
                      <span>{label('rotateSecret')}</span>
                    </Popconfirm>
                  ),
                },
              ],
              onClick: ({ key }) => {
                if (key === 'reveal') showSecret(r, 'reveal-secret');
              },
            }}
          >
            <Button type="link" size="small" data-testid="webhook-secret">
              {label('secret')} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.webhooks')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="webhook-new">
            {label('new')}
          </Button>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={label('intro')} />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<WebhookEndpoint>
          rowTestId="webhook-row"
          columns={columns}
          items={query.data?.items}
          loading={query.isFetching}
          locale={{ emptyText: label('empty') }}
        />
      )}
      <WebhookModal
        target={editing}
        onClose={() => setEditing(null)}
        onCreated={(s) => setSecret({ value: s, fresh: true })}
      />
      <DeliveryLogDrawer endpoint={logOf} onClose={() => setLogOf(null)} />
      <SecretModal
        secret={secret?.value ?? null}
        title={label('secretTitle')}
        warning={label(secret?.fresh ? 'secretFresh' : 'secretKeep')}
        onClose={() => setSecret(null)}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {label('signatureHint')}
        </Typography.Paragraph>
      </SecretModal>
    </Card>
  );
}
