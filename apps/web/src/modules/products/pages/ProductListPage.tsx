import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload, type QueryParams } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { FilterFields } from '../../../components/FilterFields';
import { orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { type Product, type ProductFilters, useCategories, useProductList } from '../api';
import { ProductFormDrawer } from '../components/ProductFormDrawer';
import { PRODUCT_COST, PRODUCT_MANAGE, TRACKING_COLORS } from '../constants';

function readFilters(sp: URLSearchParams): ProductFilters {
  const f: ProductFilters = {};
  const keyword = sp.get('keyword');
  if (keyword) f.keyword = keyword;
  const categoryId = Number(sp.get('categoryId'));
  if (Number.isInteger(categoryId) && categoryId > 0) f.categoryId = categoryId;
  const active = sp.get('active');
  if (active === 'true' || active === 'false') f.active = active;
  return f;
}

/** 产品档案: filters (keyword on code/name/spec/barcode, category, active), export, create drawer. */
export function ProductListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<ProductFilters>();
  const filters = useMemo(() => readFilters(sp), [sp]);
  const query = useProductList({ ...filters, page, pageSize });
  const categories = useCategories();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(filters);
  }, [filters, form]);

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/products/export', filters as QueryParams, 'products.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };

  const label = (f: string) => t(`product.fields.${f}`);
  const columns: ColumnsType<Product> = [
    { title: label('code'), dataIndex: 'code', width: 130, fixed: 'left' },
    {
      title: label('name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, r) => (
        <Link to={`/products/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="product-link">
          {name}
        </Link>
      ),
    },
    { title: label('spec'), dataIndex: 'spec', render: orDash },
    { title: label('unit'), dataIndex: 'unit', width: 70 },
    { title: label('category'), dataIndex: 'categoryName', render: orDash },
    { title: label('taxRate'), dataIndex: 'taxRate', align: 'right', render: (v: string) => `${Number(v)}%` },
    {
      title: label('standardPrice'),
      dataIndex: 'standardPrice',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    {
      title: label('floorPrice'),
      dataIndex: 'floorPrice',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    ...(hasPermission(PRODUCT_COST)
      ? [
          {
            title: label('cost'),
            dataIndex: 'cost',
            align: 'right' as const,
            render: (v: string | null) => <MoneyText value={v} />,
          },
        ]
      : []),
    {
      title: label('tracking'),
      dataIndex: 'tracking',
      render: (v: string) => <StatusTag dict="product.tracking" value={v} colors={TRACKING_COLORS} />,
    },
    { title: label('barcode'), dataIndex: 'barcode', render: orDash },
    {
      title: label('active'),
      dataIndex: 'active',
      render: (v: boolean) =>
        v ? <Tag color="success">{t('product.activeYes')}</Tag> : <Tag>{t('product.activeNo')}</Tag>,
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.productList')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void onExport()}
              data-testid="product-export"
            >
              {t('common.export')}
            </Button>
            {hasPermission(PRODUCT_MANAGE) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="product-new"
              >
                {t('product.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          update({ keyword: v.keyword?.trim() || undefined, categoryId: v.categoryId, active: v.active })
        }
        data-testid="product-filters"
      >
        <FilterFields
          testIdPrefix="product-filter"
          onReset={() => update({ keyword: undefined, categoryId: undefined, active: undefined })}
        >
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="keyword" label={t('product.keyword')}>
              <Input
                allowClear
                placeholder={t('product.keywordPlaceholder')}
                maxLength={50}
                data-testid="product-filter-keyword"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Form.Item name="categoryId" label={label('category')}>
              <Select
                allowClear
                options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Form.Item name="active" label={label('active')}>
              <Select
                allowClear
                options={[
                  { value: 'true', label: t('product.activeYes') },
                  { value: 'false', label: t('product.activeNo') },
                ]}
              />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<Product>
          data-testid="product-table"
          rowTestId="product-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/products/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
      <ProductFormDrawer
        open={creating}
        product={null}
        onClose={() => setCreating(false)}
        onSaved={(p) => navigate(`/products/${p.id}`)}
      />
    </Card>
  );
}
