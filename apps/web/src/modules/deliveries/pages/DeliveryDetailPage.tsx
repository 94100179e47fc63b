import { CarOutlined, CheckSquareOutlined, EditOutlined, FilePdfOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload } from '../../../app/api';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DetailTabs } from '../../../components/DetailTabs';
import { LinkedNo } from '../../../components/DocumentLinks';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusTag } from '../../../components/StatusTag';
import { ReasonModal, type ReasonModalTarget } from '../../orders/components/ReasonModal';
import { RETURN_CREATE } from '../../returns/constants';
import { useDelivery, useDeliveryCommand } from '../api';
import { DeliveryTimeline, ReleaseApproval } from '../components/DeliveryHistory';
import { DeliveryLinesTable } from '../components/DeliveryLinesTable';
import { EditShippingModal } from '../components/EditShippingModal';
import { InspectModal, ReleaseModal } from '../components/LineActionModals';
import { SignModal } from '../components/SignModal';
import { DELIVERY_STATUS_COLORS, type InspectionStatus } from '../constants';
import type { DeliveryLine } from '../types';

/** 发货单 detail: lines with inspection, checklist, emergency releases, ship, sign-off, PDF. */
export function DeliveryDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useDelivery(id);
  const command = useDeliveryCommand(id);
  const [inspecting, setInspecting] = useState<DeliveryLine | null>(null);
  const [releasing, setReleasing] = useState<DeliveryLine | null>(null);
  const [signing, setSigning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [cancelTarget, setCancelTarget] = useState<ReasonModalTarget | null>(null);
  const [downloading, setDownloading] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const f = (k: string) => t(`fields.delivery.${k}`);
  const can = (a: string) => d.actions.includes(a as never);
  const run = (path: string, body: unknown, done: string, method: 'POST' | 'PUT' = 'POST', after?: () => void) =>
    command.mutate(
      { path, method, body: { ...(body as object), version: d.version } },
      {
        onSuccess: () => {
          message.success(t(done));
          after?.();
        },
        onError: (e) => handleError(e, { onStale: () => void query.refetch() }),
      },
    );
  const pdf = async () => {
    setDownloading(true);
    try {
      await apiDownload(`/api/deliveries/${id}/pdf`, {}, `${d.no}.pdf`);
    } catch (e) {
      handleError(e);
    } finally {
      setDownloading(false);
    }
  };
  const ship = () =>
    modal.confirm({
      title: t('delivery.ship.confirm', { no: d.no }),
      content: d.lines.some((l) => l.inspectionStatus !== 'passed') ? t('delivery.ship.emergencyWarning') : undefined,
      okText: t('delivery.actions.ship'),
      onOk: () => run('/ship', {}, 'delivery.ship.done'),
    });
  const releases = d.lines.filter((l) => l.releaseInstanceId !== null);
  const files = d.files.filter((x) => x.purpose === 'signed_delivery_note');

  const overview = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="delivery-facts">
        <Descriptions.Item label={f('customerName')}>
          <Link to={`/customers/${d.customerId}`}>{d.customerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={f('orderNo')}>
          <LinkedNo of={{ type: 'delivery', id: d.id }} source={{ type: 'order', id: d.orderId }} no={d.orderNo} />
        </Descriptions.Item>
        <Descriptions.Item label={f('warehouse')}>{orDash(d.warehouseName)}</Descriptions.Item>
        <Descriptions.Item label={f('consignee')}>{d.consignee}</Descriptions.Item>
        <Descriptions.Item label={f('consigneePhone')}>{orDash(d.consigneePhone)}</Descriptions.Item>
        <Descriptions.Item label={f('address')}>{d.address}</Descriptions.Item>
        <Descriptions.Item label={f('carrier')}>{orDash(d.carrier)}</Descriptions.Item>
        <Descriptions.Item label={f('trackingNo')}>{orDash(d.trackingNo)}</Descriptions.Item>
        <Descriptions.Item label={f('boxCount')}>{orDash(d.boxCount)}</Descriptions.Item>
        <Descriptions.Item label={f('plannedDate')}>{formatDate(d.plannedDate)}</Descriptions.Item>
        <Descriptions.Item label={f('shippedAt')}>
          {d.shippedAt ? `${formatDateTime(d.shippedAt)} ${d.shippedByName ?? ''}` : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={f('ownerName')}>{orDash(d.ownerName)}</Descriptions.Item>
        {d.signerName ? (
          <>
            <Descriptions.Item label={f('signerName')}>{d.signerName}</Descriptions.Item>
            <Descriptions.Item label={f('signedDate')}>{formatDate(d.signedDate)}</Descriptions.Item>
            <Descriptions.Item label={f('signedCopy')}>
              {files.map((x) => (
                <a
                  key={x.id}
                  href={`/api/attachments/${x.id}`}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="signed-copy"
                >
                  {x.fileName}
                </a>
              ))}
            </Descriptions.Item>
          </>
        ) : null}
        {d.discrepancy ? (
          <Descriptions.Item label={f('discrepancy')} span={3}>
            <Tag color="warning">{d.discrepancy}</Tag>
          </Descriptions.Item>
        ) : null}
        {d.replacementOf ? (
          <Descriptions.Item label={t('delivery.replacement.of')} span={3}>
            <Tag color="geekblue">{t(`delivery.replacement.reason.${d.replacementReason}`)}</Tag>
            <Link to={`/deliveries/${d.replacementOf}`} data-testid="delivery-replacement-of">
              {d.replacementOfNo}
            </Link>
            {d.sourceType === 'complaint' && d.sourceId ? (
              <>
                {' · '}
                <Link to={`/complaints/${d.sourceId}`}>{t('delivery.replacement.source')}</Link>
              </>
            ) : null}
            {d.sourceType === 'sales_return' && d.sourceId ? (
              <>
                {' · '}
                <Link to={`/returns/${d.sourceId}`}>{t('delivery.replacement.sourceReturn')}</Link>
              </>
            ) : null}
          </Descriptions.Item>
        ) : null}
        {d.replacements?.length ? (
          <Descriptions.Item label={t('delivery.replacement.made')} span={3}>
            {d.replacements.map((r) => (
              <Link key={r.id} to={`/deliveries/${r.id}`} style={{ marginRight: 12 }}>
                {r.no}
              </Link>
            ))}
          </Descriptions.Item>
        ) : null}
        {d.remark ? (
          <Descriptions.Item label={f('remark')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d.remark}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card size="small" title={t('delivery.linesTitle')}>
        <DeliveryLinesTable delivery={d} onInspect={setInspecting} onRelease={setReleasing} />
      </Card>
      <Card size="small" title={t('delivery.checklist.title')} data-testid="delivery-checklist">
        {d.checklist.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.checklist.none')} />
        ) : (
          <List
            size="small"
            dataSource={d.checklist}
            renderItem={(item) => (
              <List.Item>
                <Checkbox
                  checked={item.ok}
                  disabled={!can('checklist') || command.isPending}
                  onChange={(e) => run('/checklist', { key: item.key, ok: e.target.checked }, 'common.saved', 'PUT')}
                  data-testid={`checklist-${item.key}`}
                >
                  {item.label}
                </Checkbox>
                {item.note ? <span style={{ color: '#888' }}>{item.note}</span> : null}
              </List.Item>
            )}
          />
        )}
      </Card>
      {releases.length ? (
        <Card size="small" title={t('delivery.release.approvals')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {releases.map((l) => (
              <Card
                key={l.id}
                size="small"
                type="inner"
                title={t('delivery.release.lineTitle', { lineNo: l.lineNo, reason: l.emergencyReason ?? '' })}
              >
                <ReleaseApproval deliveryId={id} instanceId={l.releaseInstanceId as number} />
              </Card>
            ))}
          </Space>
        </Card>
      ) : null}
    </Space>
  );

  return (
    <Card>
      <PageHeader
        title={`${t('delivery.title')} ${d.no}`}
        onBack={() => navigate('/deliveries')}
        tags={
          <>
            <StatusTag
              dict="delivery.status"
              value={d.status}
              colors={DELIVERY_STATUS_COLORS}
              testId="delivery-status"
            />
            {d.emergencyOpen ? (
              <Tag color="magenta" data-testid="delivery-emergency">
                {t('delivery.emergencyOpen')}
              </Tag>
            ) : null}
          </>
        }
        extra={
          <>
            <Button
              icon={<FilePdfOutlined />}
              loading={downloading}
              onClick={() => void pdf()}
              data-testid="delivery-pdf"
            >
              {t('delivery.actions.pdf')}
            </Button>
            {d.status === 'signed' && hasPermission('complaint.create') ? (
              <Button
                onClick={() => navigate(`/complaints?new=1&customerId=${d.customerId}&deliveryId=${d.id}`)}
                data-testid="delivery-complaint"
              >
                {t('complaint.new')}
              </Button>
            ) : null}
            {can('edit') ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="delivery-edit">
                {t('delivery.actions.edit')}
              </Button>
            ) : null}
            {can('cancel') ? (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() =>
                  setCancelTarget({
                    title: t('delivery.cancel.title'),
                    label: t('delivery.cancel.reason'),
                    okText: t('delivery.actions.cancel'),
                    danger: true,
                    required: true,
                    testId: 'delivery-cancel',
                  })
                }
                data-testid="delivery-cancel"
              >
                {t('delivery.actions.cancel')}
              </Button>
            ) : null}
            {can('ship') ? (
              <Button
                type="primary"
                icon={<CarOutlined />}
                onClick={ship}
                loading={command.isPending}
                data-testid="delivery-ship"
              >
                {t('delivery.actions.ship')}
              </Button>
            ) : null}
            {can('sign') ? (
              <Button
                type="primary"
                icon={<CheckSquareOutlined />}
                onClick={() => setSigning(true)}
                data-testid="delivery-sign"
              >
                {t('delivery.actions.sign')}
              </Button>
            ) : null}
            {d.status === 'signed' && hasPermission(RETURN_CREATE) ? (
              <Button onClick={() => navigate(`/returns/new?deliveryId=${d.id}`)} data-testid="delivery-return">
                {t('returns.create.fromDelivery')}
              </Button>
            ) : null}
          </>
        }
      />
      {d.emergencyOpen ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('delivery.emergencyAlert')} />
      ) : null}
      <DetailTabs
        items={[
          { key: 'overview', label: t('delivery.tabs.overview'), children: overview },
          { key: 'timeline', label: t('delivery.tabs.timeline'), children: <DeliveryTimeline id={id} /> },
        ]}
      />
      <InspectModal
        line={inspecting}
        submitting={command.isPending}
        onClose={() => setInspecting(null)}
        onSubmit={(v: { status: InspectionStatus; note?: string }) =>
          run('/inspect', { lineId: inspecting?.id, ...v }, 'delivery.inspect.done', 'POST', () => setInspecting(null))
        }
      />
      <ReleaseModal
        line={releasing}
        submitting={command.isPending}
        onClose={() => setReleasing(null)}
        onSubmit={(reason) =>
          run('/emergency-release', { lineId: releasing?.id, reason }, 'delivery.release.done', 'POST', () =>
            setReleasing(null),
          )
        }
      />
      <EditShippingModal
        delivery={d}
        open={editing}
        submitting={command.isPending}
        onClose={() => setEditing(false)}
        onSubmit={(v) =>
          run(
            '',
            {
              ...v,
              warehouseId: d.warehouseId,
              lines: d.lines.map((l) => ({ orderLineId: l.orderLineId, qty: l.qty, batchId: l.batchId })),
            },
            'common.saved',
            'PUT',
            () => setEditing(false),
          )
        }
      />
      <SignModal
        delivery={d}
        open={signing}
        submitting={command.isPending}
        onClose={() => setSigning(false)}
        onSubmit={(v) => run('/sign', v, 'delivery.sign.done', 'POST', () => setSigning(false))}
      />
      <ReasonModal
        target={cancelTarget}
        submitting={command.isPending}
        onClose={() => setCancelTarget(null)}
        onSubmit={(reason) => run('/cancel', { reason }, 'delivery.cancel.done', 'POST', () => setCancelTarget(null))}
      />
    </Card>
  );
}
