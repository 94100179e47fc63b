import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Segmented, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useModalSession } from '../../../components/useModalSession';
import { type PriceList, useDeletePriceList, usePriceLists } from '../api';
import { PriceListDrawer } from '../components/PriceListDrawer';
import { KIND_COLORS } from '../constants';

/** Whether a list applies today, has expired, or starts later. */
function validity(l: PriceList): 'current' | 'expired' | 'future' {
  const today = dayjs().format('YYYY-MM-DD');
  if (l.validFrom > today) return 'future';
  if (l.validTo && l.validTo < today) return 'expired';
  return 'current';
}
const VALIDITY_COLORS = { current: 'success', expired: 'default', future: 'processing' };

/** 价格表 / 促销: price lists (general or per customer class) and promotions with validity. */
export function PriceListsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const kind = sp.get('kind') ?? undefined;
  const query = usePriceLists({ kind, page, pageSize });
  const del = useDeletePriceList();
  const [target, setTarget] = useState<number | 'new' | null>(null);
  const session = useModalSession(target);

  const label = (f: string) => t(`priceList.fields.${f}`);
  const columns: ColumnsType<PriceList> = [
    { title: label('name'), dataIndex: 'name' },
    {
      title: label('kind'),
      dataIndex: 'kind',
      render: (v: string) => <StatusTag dict="priceList.kind" value={v} colors={KIND_COLORS} />,
    },
    {
      title: label('customerClass'),
      dataIndex: 'customerClass',
      render: (v: string | null) =>
        v ? t(`dict.customerClass.${v}`, { defaultValue: v }) : t('priceList.allCustomers'),
    },
    { title: label('validFrom'), dataIndex: 'validFrom' },
    { title: label('validTo'), dataIndex: 'validTo', render: (v: string | null) => v ?? t('priceList.openEnded') },
    {
      title: label('state'),
      key: 'state',
      render: (_, l) =>
        l.active ? (
          <Tag color={VALIDITY_COLORS[validity(l)]}>{t(`priceList.validity.${validity(l)}`)}</Tag>
        ) : (
          <Tag>{t('priceList.inactive')}</Tag>
        ),
    },
    { title: label('itemCount'), dataIndex: 'itemCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) => (
        <Space>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget(l.id)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('common.deleteConfirm')}
            onConfirm={() =>
              del.mutate(l, { onSuccess: () => message.success(t('common.deleted')), onError: (e) => handleError(e) })
            }
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.priceLists')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="price-list-new">
            {t('priceList.new')}
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={kind ?? 'all'}
        onChange={(v) => patch({ kind: v === 'all' ? undefined : String(v) }, true)}
        options={[
          { value: 'all', label: t('priceList.allKinds') },
          { value: 'list', label: t('priceList.kind.list') },
          { value: 'promotion', label: t('priceList.kind.promotion') },
        ]}
      />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<PriceList>
          data-testid="price-list-table"
          rowTestId="price-list-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
      {session.shown !== null ? (
        <PriceListDrawer key={session.key} id={session.shown} open={target !== null} onClose={() => setTarget(null)} />
      ) : null}
    </Card>
  );
}
