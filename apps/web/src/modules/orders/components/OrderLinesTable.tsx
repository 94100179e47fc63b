import { CheckCircleFilled } from '@ant-design/icons';
import { formatAttributes, money } from '@sales/core';
import { App, Checkbox, Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { formatQty } from '../../stock/format';
import { useOrderCommand } from '../api';
import type { OrderDetail, OrderLine } from '../types';

/**
 * 中文标识核对 of one line (seed 000 4.4.3 c): who checked it and when, or a tick box for the reviewer
 * or planner while the order is not yet approved.
 */
function LabelCheck({ order, line }: { order: OrderDetail; line: OrderLine }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const cmd = useOrderCommand(order.id);
  if (!line.requiresChineseLabel) return <Typography.Text type="secondary">-</Typography.Text>;
  const done = line.labelCheckedAt !== null;
  const who = done
    ? t('order.label.checkedBy', { name: line.labelCheckedByName ?? '', at: formatDateTime(line.labelCheckedAt) })
    : t('order.label.unchecked');
  if (order.canCheckLabels)
    return (
      <Tooltip title={who}>
        <Checkbox
          checked={done}
          disabled={cmd.isPending}
          data-testid={`order-line-label-${line.lineNo}`}
          onChange={(e) =>
            cmd.mutate(
              {
                command: 'label-check',
                body: { lineId: line.id, checked: e.target.checked, version: order.version },
              },
              {
                onSuccess: () => message.success(t(e.target.checked ? 'order.label.done' : 'order.label.cleared')),
                onError: (err) => handleError(err),
              },
            )
          }
        >
          {t('order.label.check')}
        </Checkbox>
      </Tooltip>
    );
  return done ? (
    <Tooltip title={who}>
      <Tag icon={<CheckCircleFilled />} color="success" data-testid={`order-line-label-${line.lineNo}`}>
        {t('order.label.checked')}
      </Tag>
    </Tooltip>
  ) : (
    <Tag color="warning" data-testid={`order-line-label-${line.lineNo}`}>
      {t('order.label.unchecked')}
    </Tag>
  );
}

/** The order's lines with delivered quantity, then the totals and the amount in words (大写). */
export function OrderLinesTable({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.orderLine.${f}`);
  const labelled = order.lines.some((l) => l.requiresChineseLabel);
  const reserved = new Map<number, string>();
  // Still held for the line: what was reserved less what deliveries have already taken out.
  for (const r of order.reservations ?? [])
    if (r.status === 'active')
      reserved.set(
        r.orderLineId,
        money(r.qty)
          .minus(r.consumedQty ?? '0')
          .toString(),
      );
  const hasReservations = reserved.size > 0;
  return (
    <>
      <Table<OrderLine>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="order-lines"
        dataSource={order.lines}
        onRow={() => ({ 'data-testid': 'order-line' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 44 },
          { title: label('productCode'), dataIndex: 'productCode', render: orDash },
          { title: label('description'), dataIndex: 'description' },
          { title: label('spec'), dataIndex: 'spec', render: orDash },
          {
            title: label('attributes'),
            dataIndex: 'attributes',
            render: (v: Record<string, string>) => orDash(formatAttributes(v) || null),
          },
          ...(labelled
            ? [
                {
                  title: label('chineseLabel'),
                  key: 'label',
                  render: (_: unknown, l: OrderLine) => <LabelCheck order={order} line={l} />,
                },
              ]
            : []),
          { title: label('unit'), dataIndex: 'unit', render: orDash },
          { title: label('qty'), dataIndex: 'qty', align: 'right', render: formatQty },
          {
            title: label('deliveredQty'),
            dataIndex: 'deliveredQty',
            align: 'right',
            render: (v: string, l) => (
              <Typography.Text type={Number(v) >= Number(l.qty) ? 'success' : undefined}>
                {formatQty(v)}
              </Typography.Text>
            ),
          },
          ...(hasReservations
            ? [
                {
                  title: label('reservedQty'),
                  key: 'reserved',
                  align: 'right' as const,
                  render: (_: unknown, l: OrderLine) => formatQty(reserved.get(l.id)),
                },
              ]
            : []),
          {
            title: label('unitPrice'),
            dataIndex: 'unitPrice',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
          {
            title: label('discountPercent'),
            dataIndex: 'discountPercent',
            align: 'right',
            render: (v: string) => (Number(v) ? `${v}%` : '-'),
          },
          { title: label('taxRate'), dataIndex: 'taxRate', align: 'right', render: (v: string) => `${Number(v)}%` },
          {
            title: label('netAmount'),
            dataIndex: 'netAmount',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
          {
            title: label('taxAmount'),
            dataIndex: 'taxAmount',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
          {
            title: label('grossAmount'),
            dataIndex: 'grossAmount',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 16 }} data-testid="order-totals">
        <Descriptions.Item label={t('fields.order.totalNet')}>
          <MoneyText value={order.totalNet} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.order.totalTax')}>
          <MoneyText value={order.totalTax} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.order.totalGross')}>
          <Typography.Text strong data-testid="order-total-gross">
            <MoneyText value={order.totalGross} />
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.order.amountInWords')}>
          <span data-testid="order-amount-words">{order.amountInWords}</span>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
