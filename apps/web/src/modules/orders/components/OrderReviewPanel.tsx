import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Col, Descriptions, Empty, List, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { formatQty } from '../../stock/format';
import type { OrderLine, OrderReview, ReviewEvidence } from '../types';

export function Ok({ ok, testId }: { ok: boolean; testId?: string }) {
  const { t } = useTranslation();
  return ok ? (
    <CheckCircleFilled
      style={{ color: '#52c41a' }}
      aria-label={t('order.review.ok')}
      data-testid={testId}
      data-ok="true"
    />
  ) : (
    <CloseCircleFilled
      style={{ color: '#ff4d4f' }}
      aria-label={t('order.review.notOk')}
      data-testid={testId}
      data-ok="false"
    />
  );
}

/**
 * The evidence of one 订单评审 read as one decision (SPEC 3.4): customer credit (outstanding +
 * this order ≤ limit), stock or capacity per line for the requested date, and completeness.
 */
export function ReviewEvidenceView({ evidence, lines }: { evidence: ReviewEvidence; lines: OrderLine[] }) {
  const { t } = useTranslation();
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  const c = evidence.credit;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={8}>
        <Typography.Title level={5}>
          <Ok ok={c.ok} testId="review-credit-ok" /> {t('order.review.credit')}
        </Typography.Title>
        <Descriptions size="small" column={1} bordered data-testid="review-credit">
          <Descriptions.Item label={t('order.review.creditLimit')}>
            {c.limit === null ? t('order.review.noLimit') : <MoneyText value={c.limit} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('order.review.outstanding')}>
            <MoneyText value={c.outstanding} />
          </Descriptions.Item>
          <Descriptions.Item label={t('order.review.thisOrder')}>
            <MoneyText value={c.thisOrder} />
          </Descriptions.Item>
          <Descriptions.Item label={t('order.review.exposure')}>
            <Typography.Text type={c.ok ? undefined : 'danger'} strong>
              <MoneyText value={c.exposure} />
            </Typography.Text>
          </Descriptions.Item>
          {c.excess && Number(c.excess) > 0 ? (
            <Descriptions.Item label={t('order.review.excess')}>
              <Typography.Text type={c.ok ? 'warning' : 'danger'}>
                <MoneyText value={c.excess} />
              </Typography.Text>
              {c.override && c.override !== 'none' ? ` (${t(`order.creditOverride.${c.override}`)})` : null}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>
          <Ok ok={evidence.stock.every((s) => s.ok)} testId="review-stock-ok" /> {t('order.review.stock')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="lineNo"
          pagination={false}
          data-testid="review-stock"
          dataSource={evidence.stock}
          columns={[
            { title: '#', dataIndex: 'lineNo', width: 40 },
            {
              title: t('fields.order.product'),
              key: 'product',
              render: (_, s) => {
                const l = byNo.get(s.lineNo);
                return l ? `${l.productCode ?? ''} ${l.description}` : '-';
              },
            },
            { title: t('order.review.requested'), dataIndex: 'requested', align: 'right', render: formatQty },
            {
              title: t('order.review.available'),
              dataIndex: 'available',
              align: 'right',
              render: (v: string, s) => (
                <Typography.Text type={s.ok ? undefined : 'danger'}>{formatQty(v)}</Typography.Text>
              ),
            },
            {
              title: t('order.review.capacity'),
              dataIndex: 'capacity',
              align: 'right',
              render: (v: string | null) => formatQty(v),
            },
            { title: '', dataIndex: 'ok', width: 40, render: (ok: boolean) => <Ok ok={ok} /> },
          ]}
        />
      </Col>
      <Col xs={24} lg={6}>
        <Typography.Title level={5}>
          <Ok ok={evidence.completeness.every((s) => s.ok)} testId="review-completeness-ok" />{' '}
          {t('order.review.completeness')}
        </Typography.Title>
        <List
          size="small"
          bordered
          data-testid="review-completeness"
          dataSource={evidence.completeness}
          renderItem={(item) => (
            <List.Item>
              <span>
                <Ok ok={item.ok} /> {t(`order.review.check.${item.check}`, { defaultValue: item.check })}
              </span>
            </List.Item>
          )}
        />
      </Col>
    </Row>
  );
}

/** The latest review of the order, or a hint that none has run yet. */
export function OrderReviewPanel({
  review,
  lines,
  creditOverride,
}: {
  review: OrderReview | null;
  lines: OrderLine[];
  creditOverride: string;
}) {
  const { t } = useTranslation();
  if (!review) return <Empty description={t('order.review.none')} data-testid="order-review-none" />;
  const passed = review.outcome === 'passed';
  const blockers = review.blockers
    .map((b) => t(`order.review.blocker.${b}`, { defaultValue: b }))
    .join(t('timeline.listSeparator'));
  return (
    <div data-testid="order-review-panel">
      <Alert
        type={passed ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="order-review-outcome"
        title={passed ? t('order.review.passed') : t('order.review.blockedBy', { blockers })}
        description={t('order.review.byLine', {
          name: review.reviewedByName ?? t('timeline.system'),
          at: formatDateTime(review.createdAt),
        })}
      />
      {!passed && creditOverride === 'approved' && review.blockers.every((b) => b === 'credit') ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="order-review-overridden"
          title={t('order.review.overridden')}
        />
      ) : null}
      <ReviewEvidenceView evidence={review.evidence} lines={lines} />
      {review.comment ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('timeline.comment', { comment: review.comment })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
