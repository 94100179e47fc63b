import { money } from '@sales/core';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { formatQty } from '../../stock/format';
import type { OrderDetail, OrderLine } from '../types';

/** The order's lines with delivered quantity, then the totals and the amount in words (大写). */
export function OrderLinesTable({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.orderLine.${f}`);
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
