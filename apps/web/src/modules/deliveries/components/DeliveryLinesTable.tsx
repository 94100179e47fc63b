import { formatAttributes, type InspectionStatus, RELEASABLE_STATUSES } from '@sales/core';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDate, orDash } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import { INSPECTION_COLORS, RELEASE_COLORS } from '../constants';
import type { DeliveryDetail, DeliveryLine } from '../types';

export interface DeliveryLinesTableProps {
  delivery: DeliveryDetail;
  onInspect: (l: DeliveryLine) => void;
  onRelease: (l: DeliveryLine) => void;
}

/** Lines of a note with batch / expiry, the inspection tag and the emergency-release state. */
export function DeliveryLinesTable({ delivery, onInspect, onRelease }: DeliveryLinesTableProps) {
  const { t } = useTranslation();
  const f = (k: string) => t(`fields.delivery.${k}`);
  const can = (a: string) => delivery.actions.includes(a as never);
  const draft = delivery.status === 'draft';
  const inspectable = (l: DeliveryLine) =>
    can('inspect') &&
    l.inspectionStatus !== 'scrapped' &&
    (draft || (l.emergencyRelease === 'approved' && l.inspectionStatus !== 'passed'));
  const releasable = (l: DeliveryLine) =>
    can('request_release') &&
    RELEASABLE_STATUSES.includes(l.inspectionStatus as InspectionStatus) &&
    ['none', 'rejected'].includes(l.emergencyRelease);

  const columns: ColumnsType<DeliveryLine> = [
    { title: '#', dataIndex: 'lineNo', width: 40 },
    { title: f('productCode'), dataIndex: 'productCode', render: orDash },
    { title: f('product'), dataIndex: 'productName' },
    {
      title: f('spec'),
      key: 'spec',
      render: (_, l) => orDash([l.spec, formatAttributes(l.attributes)].filter(Boolean).join(' ') || null),
    },
    { title: f('unit'), dataIndex: 'unit' },
    { title: f('batchNo'), key: 'batch', render: (_, l) => [l.batchNo, l.serialNo].filter(Boolean).join(' / ') || '-' },
    { title: f('expiryDate'), dataIndex: 'expiryDate', render: formatDate },
    { title: f('qty'), dataIndex: 'qty', align: 'right' },
    ...(delivery.status === 'signed'
      ? [{ title: f('receivedQty'), dataIndex: 'receivedQty', align: 'right' as const }]
      : []),
    {
      title: f('inspectionStatus'),
      key: 'inspection',
      render: (_, l) => (
        <Space size={4} wrap>
          <Tooltip title={l.inspectionNote ? `${l.inspectedByName ?? ''}：${l.inspectionNote}` : l.inspectedByName}>
            <span data-testid={`line-inspection-${l.lineNo}`}>
              <StatusTag dict="delivery.inspection" value={l.inspectionStatus} colors={INSPECTION_COLORS} />
            </span>
          </Tooltip>
          {l.emergencyRelease !== 'none' ? (
            <Tooltip title={l.emergencyReason}>
              <Tag color={RELEASE_COLORS[l.emergencyRelease]} data-testid={`line-release-${l.lineNo}`}>
                {t(`delivery.release.${l.emergencyRelease}`)}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) => (
        <Space size={4}>
          {inspectable(l) ? (
            <Button size="small" onClick={() => onInspect(l)} data-testid={`line-inspect-${l.lineNo}`}>
              {t('delivery.actions.inspect')}
            </Button>
          ) : null}
          {releasable(l) ? (
            <Button size="small" onClick={() => onRelease(l)} data-testid={`line-release-request-${l.lineNo}`}>
              {t('delivery.actions.request_release')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<DeliveryLine>
      size="small"
      rowKey="id"
      pagination={false}
      columns={columns}
      dataSource={delivery.lines}
      scroll={{ x: 'max-content' }}
      data-testid="delivery-lines"
    />
  );
}
