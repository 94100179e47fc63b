import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { useDrawerSize } from '../../../components/useIsMobile';
import { validValues } from '../../../components/validValues';
import { type Product, type ProductInput, useCategories, useSaveProduct } from '../api';
import { PRODUCT_COST, TAX_RATES, TRACKING_MODES } from '../constants';

interface Values extends Omit<ProductInput, 'attributes'> {
  attributes: { key: string; value: string }[];
}

export interface ProductFormDrawerProps {
  open: boolean;
  /** The product to edit; null creates one. */
  product: Product | null;
  onClose: () => void;
  onSaved?: (p: Product) => void;
}

/** Create / edit a product. Prices are set on creation only; later they change through a price adjustment. */
export function ProductFormDrawer({ open, product, onClose, onSaved }: ProductFormDrawerProps) {
  const { t } = useTranslation();
  const drawerSize = useDrawerSize('large');
  const { message } = App.useApp();
  const { hasPermission } = useAuth();
  const [form] = Form.useForm<Values>();
  const save = useSaveProduct(product?.id);
  const handleError = useApiErrorHandler();
  const categories = useCategories();
  const withCost = hasPermission(PRODUCT_COST);
  const editing = product !== null;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const { attributes, cost, standardPrice, floorPrice, ...rest } = v;
    const body: ProductInput & { version?: number } = {
      ...rest,
      spec: rest.spec || null,
      barcode: rest.barcode || null,
      categoryId: rest.categoryId ?? null,
      shelfLifeDays: rest.shelfLifeDays ?? null,
      attributes: Object.fromEntries(
        (attributes ?? []).filter((a) => a?.key).map((a) => [a.key.trim(), (a.value ?? '').trim()]),
      ),
      ...(withCost ? { cost: cost ? (normalizeMoney(cost) ?? cost) : null } : {}),
      ...(editing
        ? { version: product.version }
        : {
            standardPrice: normalizeMoney(standardPrice) ?? standardPrice,
            floorPrice: normalizeMoney(floorPrice) ?? floorPrice,
          }),
    };
    save.mutate(body, {
      onSuccess: (p) => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onSaved?.(p);
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const label = (f: string) => t(`product.fields.${f}`);
  const required = { required: true, message: t('validation.required') };
  const initial: Partial<Values> = product
    ? { ...product, attributes: Object.entries(product.attributes).map(([key, value]) => ({ key, value })) }
    : {
        taxRate: '13.00',
        tracking: 'none',
        warrantyMonths: 0,
        active: true,
        requiresChineseLabel: false,
        attributes: [],
      };

  return (
    <Drawer
      open={open}
      title={editing ? t('product.edit') : t('product.new')}
      onClose={onClose}
      size={drawerSize}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="product-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} data-testid="product-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="code" label={label('code')} rules={[required]}>
              <Input maxLength={40} data-testid="product-field-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={label('name')} rules={[required]}>
              <Input maxLength={100} data-testid="product-field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="spec" label={label('spec')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="unit" label={label('unit')} rules={[required]}>
              <Input maxLength={10} data-testid="product-field-unit" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="taxRate" label={label('taxRate')} rules={[required]}>
              <Select options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r)}%` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="barcode" label={label('barcode')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="categoryId" label={label('category')}>
              <Select
                allowClear
                loading={categories.isPending}
                options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
              />
            </Form.Item>
          </Col>
          {editing ? (
            <Col span={24}>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('product.pricesViaAdjustment')} />
            </Col>
          ) : null}
          <Col xs={24} md={8}>
            <Form.Item name="standardPrice" label={label('standardPrice')} rules={editing ? [] : [required]}>
              <MoneyInput disabled={editing} testId="product-field-standard" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="floorPrice" label={label('floorPrice')} rules={editing ? [] : [required]}>
              <MoneyInput disabled={editing} testId="product-field-floor" />
            </Form.Item>
          </Col>
          {withCost ? (
            <Col xs={24} md={8}>
              <Form.Item name="cost" label={label('cost')}>
                <MoneyInput testId="product-field-cost" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12} md={8}>
            <Form.Item name="tracking" label={label('tracking')}>
              <Select options={TRACKING_MODES.map((m) => ({ value: m, label: t(`product.tracking.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="warrantyMonths" label={label('warrantyMonths')}>
              <InputNumber<number> min={0} max={240} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="shelfLifeDays" label={label('shelfLifeDays')}>
              <InputNumber<number> min={1} max={36500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="requiresChineseLabel" label={label('requiresChineseLabel')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="active" label={label('active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={label('attributes')} tooltip={t('product.attributesHint')}>
          <Form.List name="attributes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'key']} rules={[required]}>
                      <Input placeholder={t('product.attributeName')} maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']}>
                      <Input placeholder={t('product.attributeValue')} maxLength={50} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
                  {t('product.addAttribute')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
