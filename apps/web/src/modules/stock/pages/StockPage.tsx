import { ImportOutlined, SlidersOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { PageHeader } from '../../../components/PageHeader';
import { AdjustModal } from '../components/AdjustModal';
import { BatchesView } from '../components/BatchesView';
import { InboundModal } from '../components/InboundModal';
import { StockTable } from '../components/StockTable';
import { STOCK_MANAGE } from '../constants';

/** 库存查询: stock per warehouse, batches with expiry; 入库 and 调整 for stock managers. */
export function StockPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [sp, setSp] = useSearchParams();
  const [dialog, setDialog] = useState<'inbound' | 'adjust' | null>(null);
  const tab = sp.get('tab') === 'batches' ? 'batches' : 'stock';
  const canManage = hasPermission(STOCK_MANAGE);
  return (
    <Card>
      <PageHeader
        title={t('menu.stock')}
        extra={
          canManage ? (
            <>
              <Button icon={<SlidersOutlined />} onClick={() => setDialog('adjust')} data-testid="stock-adjust">
                {t('stock.adjust')}
              </Button>
              <Button
                type="primary"
                icon={<ImportOutlined />}
                onClick={() => setDialog('inbound')}
                data-testid="stock-inbound"
              >
                {t('stock.inbound')}
              </Button>
            </>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSp(key === 'stock' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'stock',
            label: <span data-testid="tab-stock">{t('stock.tabs.stock')}</span>,
            children: <StockTable />,
          },
          {
            key: 'batches',
            label: <span data-testid="tab-batches">{t('stock.tabs.batches')}</span>,
            children: <BatchesView />,
          },
        ]}
      />
      <InboundModal open={dialog === 'inbound'} onClose={() => setDialog(null)} />
      <AdjustModal open={dialog === 'adjust'} onClose={() => setDialog(null)} />
    </Card>
  );
}
