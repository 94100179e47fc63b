import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { approvalKeys } from '../../../components/approvalApi';
import { formatDateTime } from '../../../components/format';
import { type NotificationItem, useMarkNotificationsRead, useNotifications } from '../api';

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const { token } = theme.useToken();
  return (
    <button
      type="button"
      data-testid="notification-item"
      data-read={item.read}
      onClick={() => onOpen(item)}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'start',
        font: 'inherit',
        border: 'none',
        padding: '8px 12px',
        cursor: 'pointer',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: item.read ? undefined : token.colorPrimaryBg,
      }}
    >
      <Flex gap={8} align="start">
        <Badge status={item.read ? 'default' : 'processing'} style={{ marginTop: 2 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong={!item.read} style={{ display: 'block' }}>
            {item.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(item.createdAt)}
          </Typography.Text>
        </div>
      </Flex>
    </button>
  );
}

/** Header bell: unread count and the latest notifications; opening one marks it read and follows its link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const { data, isPending } = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = data?.unread ?? 0;

  // A new notice usually means a new approval task or to-do: refresh those badges too.
  const lastUnread = useRef(unread);
  useEffect(() => {
    if (unread > lastUnread.current) {
      void qc.invalidateQueries({ queryKey: approvalKeys.count });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    }
    lastUnread.current = unread;
  }, [unread, qc]);

  const onOpen = (item: NotificationItem) => {
    if (!item.read) markRead.mutate([item.id], { onError: (e) => handleError(e) });
    setOpen(false);
    if (item.link) navigate(item.link);
  };

  const content = (
    <div
      style={{ width: 'min(360px, calc(100vw - 40px))', maxHeight: 420, overflowY: 'auto', margin: '0 -12px' }}
      data-testid="notification-list"
    >
      {data?.items.length ? (
        data.items.map((item) => <NotificationRow key={item.id} item={item} onOpen={onOpen} />)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isPending ? '' : t('notification.none')} />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notification.title')}</span>
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate('all', { onError: (e) => handleError(e) })}
            data-testid="notification-read-all"
          >
            {t('notification.readAll')}
          </Button>
        </Flex>
      }
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notification.title')}
          data-testid="header-notifications"
          data-count={unread}
        />
      </Badge>
    </Popover>
  );
}
