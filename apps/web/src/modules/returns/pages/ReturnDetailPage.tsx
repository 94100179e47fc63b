import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DetailTabs } from '../../../components/DetailTabs';
import { formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { useReturn, useReturnCommand } from '../api';
import { ReturnApproval } from '../components/ReturnApproval';
import { ArrivalModal, RedInvoiceModal } from '../components/ReturnModals';
import { INVOICE_ISSUE, RETURN_RECEIVE, RETURN_STATUS_COLORS } from '../constants';

/** 销后退回 detail: chain, arrival and deadline, storage fee, cost attribution, restock, money side. */
export function ReturnDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { hasPermission } = useAuth();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useReturn(id);
  const command = useReturnCommand();
  const [arriving, setArriving] = useState(false);
  const [crediting, setCrediting] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const f = (k: string) => t(`returns.fields.${k}`);
  const open = r.status === 'submitted' || r.status === 'returned';
  const actions = [
    hasPermission(RETURN_RECEIVE) && open && !r.arrivedAt ? (
      <Button key="arrive" type="primary" onClick={() => setArriving(true)} data-testid="return-arrive">
        {t('returns.actions.arrive')}
      </Button>
    ) : null,
    hasPermission(INVOICE_ISSUE) && r.status === 'completed' && r.kind === 'return' && !r.redInvoiceId ? (
      <Button key="credit" type="primary" onClick={() => setCrediting(true)} data-testid="return-credit">
        {t('returns.actions.credit')}
      </Button>
    ) : null,
    r.status === 'returned' ? (
      <Button
        key="resubmit"
        loading={command.isPending}
        onClick={() =>
          command.mutate(
            { path: `/${r.id}/resubmit`, body: { version: r.version } },
            { onSuccess: () => message.success(t('returns.resubmitted')), onError: (e) => handleError(e) },
          )
        }
      >
        {t('returns.actions.resubmit')}
      </Button>
    ) : null,
  ].filter(Boolean);

  const deadline = (
    <Card size="small" title={t('returns.deadline.title')} data-testid="return-deadline">
      {r.dueAt ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {r.overdue ? (
            <Alert type="error" showIcon message={t('returns.deadline.overdue', { n: r.fee.days })} />
          ) : r.status === 'completed' ? null : (
            <Alert type="info" showIcon message={t('returns.deadline.rule')} />
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={f('arrivedAt')}>{formatDateTime(r.arrivedAt)}</Descriptions.Item>
            <Descriptions.Item label={f('dueAt')}>
              <span data-testid="return-due">{formatDateTime(r.dueAt)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('warehouse')}>{orDash(r.warehouseName)}</Descriptions.Item>
            <Descriptions.Item label={f('completedAt')}>{formatDateTime(r.completedAt)}</Descriptions.Item>
            <Descriptions.Item label={f('storageFee')}>
              <span data-testid="return-fee">
                <MoneyText value={r.fee.total} />
                {`（${t('returns.deadline.days', { n: r.fee.days })}）`}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={f('clerksShare')}>
              <MoneyText value={r.fee.clerksShare} />
            </Descriptions.Item>
          </Descriptions>
        </Space>
      ) : (
        <Alert type="warning" showIcon message={t('returns.deadline.waiting')} />
      )}
    </Card>
  );

  const attribution = (
    <Card size="small" title={t('returns.attribution.title')}>
      {r.costBearer ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={f('costBearer')}>
            <DictText dict="returns.costBearer" value={r.costBearer} />
          </Descriptions.Item>
          <Descriptions.Item label={f('responsible')}>{orDash(r.responsibleName)}</Descriptions.Item>
          <Descriptions.Item label={f('chargeAmount')}>
            <MoneyText value={r.chargeAmount} />
          </Descriptions.Item>
          <Descriptions.Item label={f('expiredLoss')}>
            <MoneyText value={r.expiredLossAmount} />
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <span>{t(`returns.attribution.pending.${r.reason}`)}</span>
      )}
    </Card>
  );

  const money = (
    <Card size="small" title={t('returns.money.title')}>
      {r.kind === 'exchange' ? (
        r.replacementDeliveryId ? (
          <Space>
            {t('returns.money.replacement')}
            <Link to={`/deliveries/${r.replacementDeliveryId}`}>{r.replacementDeliveryNo}</Link>
            <StatusTag dict="delivery.status" value={r.replacementDeliveryStatus} />
          </Space>
        ) : (
          <span>{t('returns.money.exchangePending')}</span>
        )
      ) : r.redInvoice ? (
        <Space wrap data-testid="return-red-invoice">
          <Tag color="red">{t('returns.money.red')}</Tag>
          <span>{`${r.redInvoice.no}（${r.redInvoice.externalNo}）`}</span>
          <MoneyText value={r.redInvoice.totalGross} />
        </Space>
      ) : (
        <span>{t(r.status === 'completed' ? 'returns.money.creditPending' : 'returns.money.afterRestock')}</span>
      )}
    </Card>
  );

  const overview = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="return-facts">
        <Descriptions.Item label={f('customer')}>
          <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={f('order')}>
          <Link to={`/orders/${r.orderId}`}>{r.orderNo}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={f('delivery')}>
          <Link to={`/deliveries/${r.deliveryId}`}>{r.deliveryNo}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={f('kind')}>
          <DictText dict="returns.kind" value={r.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={f('reason')}>
          <DictText dict="returns.reason" value={r.reason} />
        </Descriptions.Item>
        <Descriptions.Item label={f('applicant')}>{r.applicantName}</Descriptions.Item>
        <Descriptions.Item label={f('amount')}>
          <MoneyText value={r.totalAmount} />
        </Descriptions.Item>
        <Descriptions.Item label={f('createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={f('description')} span={{ xs: 1, sm: 2, lg: 3 }}>
          {r.description}
        </Descriptions.Item>
      </Descriptions>
      {deadline}
      {attribution}
      {money}
    </Space>
  );

  const lines = (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={r.lines}
      columns={[
        { title: f('product'), dataIndex: 'productName', render: (v: string, l) => `${v}（${l.productCode}）` },
        { title: f('batch'), dataIndex: 'batchNo', render: (v: string | null) => orDash(v) },
        { title: f('qty'), dataIndex: 'qty', align: 'right', render: (v: string, l) => `${Number(v)} ${l.unit}` },
        { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <MoneyText value={v} /> },
      ]}
    />
  );

  const charges = (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={r.charges}
      locale={{ emptyText: t('returns.charges.none') }}
      columns={[
        {
          title: f('chargeKind'),
          dataIndex: 'kind',
          render: (v: string) => <DictText dict="returns.chargeKind" value={v} />,
        },
        { title: f('chargedUser'), dataIndex: 'userName' },
        {
          title: f('chargeAmount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v: string) => <MoneyText value={v} />,
        },
        {
          title: f('clerksShare'),
          dataIndex: 'clerksShare',
          align: 'right',
          render: (v: string | null) => <MoneyText value={v} />,
        },
        { title: f('chargedAt'), dataIndex: 'chargedAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );

  return (
    <Card>
      <PageHeader
        title={`${t('returns.title')} ${r.no}`}
        tags={<StatusTag dict="returns.status" value={r.status} colors={RETURN_STATUS_COLORS} testId="return-status" />}
        extra={actions.length ? <Space wrap>{actions}</Space> : null}
      />
      <DetailTabs
        items={[
          { key: 'overview', label: t('returns.tabs.overview'), children: overview },
          { key: 'lines', label: t('returns.tabs.lines'), children: lines },
          {
            key: 'approval',
            label: t('returns.tabs.approval'),
            children: <ReturnApproval returnId={r.id} instanceId={r.approvalInstanceId} />,
          },
          { key: 'charges', label: t('returns.tabs.charges'), children: charges },
        ]}
      />
      <ArrivalModal detail={r} open={arriving} onClose={() => setArriving(false)} />
      <RedInvoiceModal detail={r} open={crediting} onClose={() => setCrediting(false)} />
    </Card>
  );
}
