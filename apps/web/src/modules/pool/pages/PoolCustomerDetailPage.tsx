import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { CLASS_COLORS } from '../../../app/dictionaries';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { usePoolCustomer, usePools } from '../api';
import { ClaimButton } from '../components/ClaimButton';
import { type PoolAction, PoolActionModal } from '../components/PoolActionModal';
import { PoolContactsTable, PoolHistoryTable } from '../components/PoolHistoryTable';

/** A pool customer: masked profile, contacts, pool history; claim, or move / assign for pool managers. */
export function PoolCustomerDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [action, setAction] = useState<PoolAction | null>(null);
  const query = usePoolCustomer(id);
  const canManageAny = hasPermission('pool.manage');
  const pools = usePools(canManageAny);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const canManage = canManageAny && !!pools.data?.items.find((p) => p.id === c.poolId)?.canManage;

  const item = (field: string, label: string, children: ReactNode, span?: number) => ({
    key: field,
    label,
    children: <span data-testid={`pool-profile-${field}`}>{children}</span>,
    span,
  });
  const f = (field: string) => t(`fields.customer.${field}`);
  const items = [
    item('no', f('no'), c.no),
    item('name', f('name'), c.name),
    item('kind', f('kind'), <DictText dict="dict.customerKind" value={c.kind} />),
    c.kind === 'company'
      ? item('creditCode', f('creditCode'), orDash(c.creditCode))
      : item('idNumber', f('idNumber'), orDash(c.idNumber)),
    item('class', f('class'), <StatusTag dict="dict.customerClass" value={c.class} colors={CLASS_COLORS} />),
    item('mobile', f('mobile'), orDash(c.mobile)),
    item('phone', f('phone'), orDash(c.phone)),
    item('email', f('email'), orDash(c.email)),
    item('region', f('region'), <DictText dict="dict.region" value={c.region} />),
    item('industry', f('industry'), <DictText dict="dict.industry" value={c.industry} />),
    item('source', f('source'), <DictText dict="dict.source" value={c.source} />),
    item('address', f('address'), orDash(c.address), 2),
    item(
      'tags',
      f('tags'),
      c.tags?.length ? (
        <Space size={[0, 4]} wrap>
          {c.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ) : (
        '-'
      ),
    ),
    item('poolName', t('pool.fields.poolName'), c.poolName),
    item('poolEnteredAt', t('pool.fields.poolEnteredAt'), formatDateTime(c.poolEnteredAt)),
    item('lastFollowUpAt', f('lastFollowUpAt'), formatDateTime(c.lastFollowUpAt)),
    item('lastDealAt', t('pool.fields.lastDealAt'), formatDateTime(c.lastDealAt)),
    item('createdAt', f('createdAt'), formatDateTime(c.createdAt)),
    item('remark', f('remark'), <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(c.remark)}</span>, 3),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader
          onBack={() => navigate('/pool')}
          title={<span data-testid="pool-customer-title">{c.name}</span>}
          subTitle={c.no}
          tags={<Tag color="cyan">{t('pool.inPoolTag', { pool: c.poolName })}</Tag>}
          extra={
            <>
              {canManage ? (
                <>
                  <Button icon={<SwapOutlined />} onClick={() => setAction('move')} data-testid="pool-move">
                    {t('pool.move')}
                  </Button>
                  <Button icon={<UserAddOutlined />} onClick={() => setAction('assign')} data-testid="pool-assign">
                    {t('pool.assign')}
                  </Button>
                </>
              ) : null}
              {hasPermission('pool.claim') ? (
                <ClaimButton customerId={c.id} blockedUntil={c.blockedUntil} testId="pool-detail-claim" />
              ) : null}
            </>
          }
        />
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {c.blockedUntil ? (
            <Alert
              type="warning"
              showIcon
              title={t('pool.blockedUntil', { date: formatDate(c.blockedUntil) })}
              data-testid="pool-blocked"
            />
          ) : null}
          <Alert type="info" showIcon title={t('pool.maskedHint')} data-testid="pool-masked-hint" />
          <Descriptions
            data-testid="pool-profile"
            bordered
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={items}
          />
        </Space>
      </Card>
      <Card title={t('pool.contacts')} size="small">
        <PoolContactsTable items={c.contacts} />
      </Card>
      <Card title={t('pool.history')} size="small">
        <PoolHistoryTable items={c.history} />
      </Card>
      <PoolActionModal customer={c} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
