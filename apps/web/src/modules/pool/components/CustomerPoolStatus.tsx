import { LockOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate, formatDateTime } from '../../../components/format';
import type { Customer } from '../../customers/api';
import { useLockCustomer, usePoolStatus } from '../api';
import { ReleaseModal } from './ReleaseModal';

/** 公海状态 on the customer page: reclaim date and warning, lock / unlock within the quota, release to the pool. */
export function CustomerPoolStatus({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const visible = hasPermission('pool.view') || hasPermission('pool.claim');
  const query = usePoolStatus(customer.id, visible);
  const lock = useLockCustomer(customer.id);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [releaseOpen, setReleaseOpen] = useState(false);

  const s = query.data;
  if (!visible || !s) return null;

  if (s.inPool) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="pool-status"
        title={t('pool.status.inPool')}
        action={
          hasPermission('pool.view') ? <Link to={`/pool/customers/${customer.id}`}>{t('pool.status.open')}</Link> : null
        }
      />
    );
  }

  const canClaim = hasPermission('pool.claim');
  const canLock = canClaim && hasPermission('customer.edit');
  const quotaFull = s.ownerLocked >= s.ownerLockMax;
  const onLock = (doLock: boolean) =>
    lock.mutate(
      { lock: doLock, version: s.version },
      {
        onSuccess: () => message.success(t(doLock ? 'pool.status.lockedOk' : 'pool.status.unlockedOk')),
        onError: (e) => handleError(e, { onStale: () => void query.refetch() }),
      },
    );

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="pool-status">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap size={[16, 8]}>
          <Typography.Text strong>{t('pool.status.title')}</Typography.Text>
          {s.lockedAt ? (
            <Space size={4} data-testid="pool-status-locked">
              <Tag color="green" icon={<LockOutlined />}>
                {t('pool.status.locked')}
              </Tag>
              <Typography.Text type="secondary">
                {t('pool.status.lockedBy', { name: s.lockedByName ?? '-', date: formatDateTime(s.lockedAt) })}
              </Typography.Text>
            </Space>
          ) : s.reclaimDueAt ? (
            <span data-testid="pool-status-due">
              {t('pool.status.due', {
                date: formatDate(s.reclaimDueAt),
                reason: t(`pool.reclaimReason.${s.reclaimReason ?? 'no_follow_up'}`),
              })}
            </span>
          ) : null}
          <span data-testid="pool-lock-count">
            {t('pool.status.lockQuota', { used: s.ownerLocked, max: s.ownerLockMax })}
          </span>
          {s.homePoolName ? <span>{t('pool.status.homePool', { pool: s.homePoolName })}</span> : null}
        </Space>
        <Space wrap>
          {canLock && s.lockedAt ? (
            <Button
              icon={<UnlockOutlined />}
              loading={lock.isPending}
              onClick={() => onLock(false)}
              data-testid="pool-unlock"
            >
              {t('pool.status.unlock')}
            </Button>
          ) : null}
          {canLock && !s.lockedAt ? (
            <Button
              icon={<LockOutlined />}
              loading={lock.isPending}
              disabled={quotaFull}
              title={quotaFull ? t('pool.status.quotaFull') : undefined}
              onClick={() => onLock(true)}
              data-testid="pool-lock"
            >
              {t('pool.status.lock')}
            </Button>
          ) : null}
          {canClaim ? (
            <Button danger icon={<RollbackOutlined />} onClick={() => setReleaseOpen(true)} data-testid="pool-release">
              {t('pool.release')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {s.warnedAt && s.reclaimDueAt ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="pool-status-warning"
          title={t('pool.status.warned', { warnedAt: formatDateTime(s.warnedAt), date: formatDate(s.reclaimDueAt) })}
        />
      ) : null}
      <ReleaseModal
        customerId={customer.id}
        customerName={customer.name}
        status={s}
        open={releaseOpen}
        onClose={() => setReleaseOpen(false)}
      />
    </Card>
  );
}
