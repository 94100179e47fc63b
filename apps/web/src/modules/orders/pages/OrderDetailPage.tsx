import { money } from '@sales/core';
import { Alert, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { DetailTabs } from '../../../components/DetailTabs';
import { DocumentLinks } from '../../../components/DocumentLinks';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { DealMilestones } from '../../milestones/components/DealMilestones';
import { MILESTONE_VIEW } from '../../milestones/constants';
import { useOrder } from '../api';
import { OrderActions } from '../components/OrderActions';
import { CreditApproval, OrderReviewsTab, OrderTimelineTab } from '../components/OrderHistoryTabs';
import { OrderLinesTable } from '../components/OrderLinesTable';
import { OrderReviewPanel } from '../components/OrderReviewPanel';
import { OrderTasksTab } from '../components/OrderTasksTab';
import { CREDIT_OVERRIDE_COLORS, ORDER_PLAN, ORDER_STATUS_COLORS } from '../constants';

const TABS = ['overview', 'review', 'tasks', 'reviews', 'attachments', 'timeline', 'milestones'] as const;
type TabKey = (typeof TABS)[number];

export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const query = useOrder(id);
  const { hasPermission } = useAuth();
  const canPlan = hasPermission(ORDER_PLAN);
  const tabParam = sp.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'overview';

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const label = (f: string) => t(`fields.order.${f}`);
  const tabLabel = (key: TabKey) => <span data-testid={`tab-${key}`}>{t(`order.tabs.${key}`)}</span>;

  const facts = (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered data-testid="order-facts">
      <Descriptions.Item label={label('customerName')}>
        <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={label('channel')}>
        <DictText dict="order.channel" value={o.channel} />
      </Descriptions.Item>
      <Descriptions.Item label={label('ownerName')}>{orDash(o.ownerName)}</Descriptions.Item>
      <Descriptions.Item label={label('requestedDate')}>{formatDate(o.requestedDate)}</Descriptions.Item>
      <Descriptions.Item label={label('promisedDate')}>{formatDate(o.promisedDate)}</Descriptions.Item>
      <Descriptions.Item label={label('warehouse')}>{orDash(o.warehouseName)}</Descriptions.Item>
      <Descriptions.Item label={label('consignee')}>{orDash(o.consignee)}</Descriptions.Item>
      <Descriptions.Item label={label('consigneePhone')}>{orDash(o.consigneePhone)}</Descriptions.Item>
      <Descriptions.Item label={label('shippingAddress')}>{orDash(o.shippingAddress)}</Descriptions.Item>
      <Descriptions.Item label={label('confirmedAt')}>
        {o.confirmedAt
          ? `${formatDateTime(o.confirmedAt)} ${o.confirmationNote ?? ''}`
          : o.channel === 'phone' || o.channel === 'order_desk'
            ? t('order.notConfirmed')
            : '-'}
      </Descriptions.Item>
      <Descriptions.Item label={label('invoicedAmount')}>
        <MoneyText value={o.invoicedAmount} />
      </Descriptions.Item>
      <Descriptions.Item label={label('receivedAmount')}>
        <MoneyText value={o.receivedAmount} />
        {o.channel === 'counter' ? (
          // 门市销售: goods are released only against the paid sales voucher.
          money(o.receivedAmount).gte(o.totalGross) ? (
            <Tag color="success" style={{ marginInlineStart: 8 }} data-testid="order-counter-paid">
              {t('order.counter.paid')}
            </Tag>
          ) : (
            <Tag color="warning" style={{ marginInlineStart: 8 }} data-testid="order-counter-unpaid">
              {t('order.counter.unpaid')}
            </Tag>
          )
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={label('specialRequirements')} span={{ xs: 1, sm: 2, lg: 3 }}>
        {o.specialRequirements ? (
          <>
            <span style={{ whiteSpace: 'pre-wrap' }}>{o.specialRequirements}</span>{' '}
            {o.specialConfirmedAt ? (
              <Tag color="success">{t('order.specialConfirmed', { at: formatDateTime(o.specialConfirmedAt) })}</Tag>
            ) : (
              <Tag color="warning">{t('order.specialUnconfirmed')}</Tag>
            )}
          </>
        ) : (
          '-'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={label('remark')} span={{ xs: 1, sm: 2, lg: 3 }}>
        {orDash(o.remark)}
      </Descriptions.Item>
    </Descriptions>
  );

  return (
    <Card>
      <PageHeader
        onBack={() => navigate(-1)}
        title={<span data-testid="order-no">{o.no}</span>}
        subTitle={o.customerName}
        tags={
          <>
            <StatusTag dict="order.status" value={o.status} colors={ORDER_STATUS_COLORS} testId="order-status" />
            {o.creditOverride !== 'none' ? (
              <StatusTag
                dict="order.creditOverride"
                value={o.creditOverride}
                colors={CREDIT_OVERRIDE_COLORS}
                testId="order-credit-override"
              />
            ) : null}
            <Tag>
              <MoneyText value={o.totalGross} />
            </Tag>
          </>
        }
        extra={<OrderActions order={o} onStale={() => void query.refetch()} />}
      />
      {o.status === 'cancelled' && o.cancelReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('order.cancelledBecause', { reason: o.cancelReason })}
        />
      ) : null}
      {/* Its quote or contract, its delivery notes, invoices and payments (issue 11 item 3). */}
      <DocumentLinks type="order" id={o.id} />
      <DetailTabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(sp);
          if (key === 'overview') next.delete('tab');
          else next.set('tab', key);
          setSp(next, { replace: true });
        }}
        items={[
          {
            key: 'overview',
            label: tabLabel('overview'),
            children: (
              <>
                {facts}
                <div style={{ marginTop: 16 }}>
                  <OrderLinesTable order={o} />
                </div>
              </>
            ),
          },
          {
            key: 'review',
            label: tabLabel('review'),
            children: (
              <>
                <OrderReviewPanel review={o.latestReview} lines={o.lines} creditOverride={o.creditOverride} />
                {o.creditApprovalInstanceId ? (
                  <Card
                    size="small"
                    title={t('order.review.creditApproval')}
                    style={{ marginTop: 16 }}
                    data-testid="order-credit-approval"
                  >
                    <CreditApproval instanceId={o.creditApprovalInstanceId} orderId={o.id} />
                  </Card>
                ) : null}
              </>
            ),
          },
          ...(canPlan ? [{ key: 'tasks', label: tabLabel('tasks'), children: <OrderTasksTab order={o} /> }] : []),
          { key: 'reviews', label: tabLabel('reviews'), children: <OrderReviewsTab orderId={o.id} lines={o.lines} /> },
          {
            key: 'attachments',
            label: <span data-testid="tab-attachments">{t('attachments.tab')}</span>,
            children: <RecordAttachments recordPath={`/api/orders/${o.id}`} canChange={hasPermission('order.edit')} />,
          },
          { key: 'timeline', label: tabLabel('timeline'), children: <OrderTimelineTab order={o} /> },
          // 交付后流程 (SPEC 4.5): the post-sale processes this order runs.
          ...(hasPermission(MILESTONE_VIEW)
            ? [
                {
                  key: 'milestones',
                  label: tabLabel('milestones'),
                  children: <DealMilestones orderId={o.id} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
