import { Button, Card, Col, Empty, Flex, List, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOCUMENT_KINDS } from '../../../app/documents';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { useIsMobile } from '../../../components/useIsMobile';
import { type RelatedItem, type RelatedKind, type RelatedType, useCustomerRelated } from '../api';

/** Where a record and the customer's whole list of its kind open (contacts live in the customer's own tab). */
function paths(type: RelatedType, customerId: number) {
  if (type === 'contact')
    return { item: () => `/customers/${customerId}?tab=contacts`, all: `/customers/${customerId}?tab=contacts` };
  const kind = DOCUMENT_KINDS[type];
  return { item: (id: number) => kind.path(id), all: kind.customerList(customerId) };
}

/** A kind's count as the 360 shows it: capped counts read "10000+". */
export function countText(k: RelatedKind) {
  return k.totalCapped ? `${k.total}+` : String(k.total);
}

function ItemRow({ type, item, customerId }: { type: RelatedType; item: RelatedItem; customerId: number }) {
  const text = [item.no, item.name].filter(Boolean).join(' ');
  const kind = type === 'contact' ? null : DOCUMENT_KINDS[type];
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid={`related-item-${type}`}>
      <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
        <Link to={paths(type, customerId).item(item.id)} style={{ overflowWrap: 'anywhere' }}>
          {text}
        </Link>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space size={4} wrap>
            {kind ? <StatusTag dict={kind.statusDict} value={item.status} colors={kind.statusColors} /> : null}
            <Typography.Text type="secondary">{formatDate(item.date)}</Typography.Text>
          </Space>
          {type === 'contact' || type === 'delivery' || type === 'service_ticket' || type === 'return_visit' ? null : (
            // A contract's amount is withheld (null) from users without contract.prices.
            <MoneyText value={item.amount} masked={type === 'contract'} />
          )}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** A card per kind: its count, its newest records linking to each, and the customer's whole list of it. */
function KindCard({ kind, customerId }: { kind: RelatedKind; customerId: number }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`related-card-${kind.type}`}
      title={
        <Space size={6}>
          {t(`documents.type.${kind.type}`)}
          <Typography.Text type="secondary" data-testid={`related-total-${kind.type}`}>
            {countText(kind)}
          </Typography.Text>
        </Space>
      }
      extra={
        kind.total > 0 ? (
          <Link to={paths(kind.type, customerId).all} data-testid={`related-all-${kind.type}`}>
            {t('customer.related.viewAll')}
          </Link>
        ) : null
      }
      style={{ height: '100%' }}
    >
      {kind.recent.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.related.none')} />
      ) : (
        <List
          size="small"
          dataSource={kind.recent}
          renderItem={(item) => <ItemRow type={kind.type} item={item} customerId={customerId} />}
        />
      )}
    </Card>
  );
}

/** 相关记录: the customer 360 (issue 11 item 3) — every kind of record the user may read, as cards. */
export function RelatedRecords({ customerId }: { customerId: number }) {
  const query = useCustomerRelated(customerId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Row gutter={[12, 12]} data-testid="related-records">
      {query.data.items.map((k) => (
        <Col key={k.type} xs={24} md={12} xl={6}>
          <KindCard kind={k} customerId={customerId} />
        </Col>
      ))}
    </Row>
  );
}

/** The counts per kind in one row under the customer's header; each opens the 相关记录 tab. */
export function RelatedCounts({ customerId, onOpen }: { customerId: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const query = useCustomerRelated(customerId);
  if (!query.data) return null;
  return (
    <Space wrap size={[4, 4]} style={{ marginBottom: 12 }} data-testid="related-counts">
      {query.data.items.map((k) => (
        <Button
          key={k.type}
          size={isMobile ? 'large' : 'small'}
          onClick={onOpen}
          data-testid={`related-count-${k.type}`}
        >
          {t(`documents.type.${k.type}`)} {countText(k)}
        </Button>
      ))}
    </Space>
  );
}
