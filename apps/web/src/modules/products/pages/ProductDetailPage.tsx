import { EditOutlined, FallOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useProduct } from '../api';
import { PriceAdjustmentModal } from '../components/PriceAdjustmentModal';
import { PriceAdjustments } from '../components/PriceAdjustments';
import { ProductFormDrawer } from '../components/ProductFormDrawer';
import { PRICE_ADJUST, PRODUCT_COST, PRODUCT_MANAGE, TRACKING_COLORS } from '../constants';

/** A product's master data, its prices and its price adjustments with their approvals. */
export function ProductDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const id = Number(useParams().id);
  const query = useProduct(id);
  const [editing, setEditing] = useState(false);
  const [adjusting, setAdjusting] = useState(false);

  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const label = (f: string) => t(`product.fields.${f}`);
  const attrs = Object.entries(p.attributes);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={p.name}
          subTitle={p.code}
          onBack={() => navigate('/products')}
          tags={
            <>
              {p.active ? <Tag color="success">{t('product.activeYes')}</Tag> : <Tag>{t('product.activeNo')}</Tag>}
              {p.pendingAdjustmentId ? <Tag color="processing">{t('priceAdjustment.pendingTag')}</Tag> : null}
            </>
          }
          extra={
            <>
              {hasPermission(PRICE_ADJUST) ? (
                <Button
                  icon={<FallOutlined />}
                  disabled={!!p.pendingAdjustmentId}
                  onClick={() => setAdjusting(true)}
                  data-testid="product-adjust"
                >
                  {t('priceAdjustment.request')}
                </Button>
              ) : null}
              {hasPermission(PRODUCT_MANAGE) ? (
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(true)}
                  data-testid="product-edit"
                >
                  {t('common.edit')}
                </Button>
              ) : null}
            </>
          }
        />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="product-detail"
          items={[
            { key: 'spec', label: label('spec'), children: orDash(p.spec) },
            { key: 'unit', label: label('unit'), children: p.unit },
            { key: 'category', label: label('category'), children: orDash(p.categoryName) },
            { key: 'barcode', label: label('barcode'), children: orDash(p.barcode) },
            { key: 'taxRate', label: label('taxRate'), children: `${Number(p.taxRate)}%` },
            { key: 'standardPrice', label: label('standardPrice'), children: <MoneyText value={p.standardPrice} /> },
            { key: 'floorPrice', label: label('floorPrice'), children: <MoneyText value={p.floorPrice} /> },
            ...(hasPermission(PRODUCT_COST)
              ? [{ key: 'cost', label: label('cost'), children: <MoneyText value={p.cost ?? null} /> }]
              : []),
            {
              key: 'tracking',
              label: label('tracking'),
              children: <StatusTag dict="product.tracking" value={p.tracking} colors={TRACKING_COLORS} />,
            },
            {
              key: 'warrantyMonths',
              label: label('warrantyMonths'),
              children: t('product.months', { count: p.warrantyMonths }),
            },
            {
              key: 'shelfLifeDays',
              label: label('shelfLifeDays'),
              children: p.shelfLifeDays ? t('product.days', { count: p.shelfLifeDays }) : '-',
            },
            {
              key: 'requiresChineseLabel',
              label: label('requiresChineseLabel'),
              children: p.requiresChineseLabel ? t('common.yes') : t('common.no'),
            },
            {
              key: 'attributes',
              label: label('attributes'),
              children: attrs.length ? attrs.map(([k, v]) => <Tag key={k}>{`${k}：${v}`}</Tag>) : '-',
            },
            { key: 'updatedAt', label: label('updatedAt'), children: formatDateTime(p.updatedAt ?? null) },
          ]}
        />
      </Card>
      <Card title={t('priceAdjustment.title')}>
        <PriceAdjustments productId={p.id} />
      </Card>
      <ProductFormDrawer open={editing} product={p} onClose={() => setEditing(false)} />
      {adjusting ? <PriceAdjustmentModal product={p} open={adjusting} onClose={() => setAdjusting(false)} /> : null}
    </Space>
  );
}
