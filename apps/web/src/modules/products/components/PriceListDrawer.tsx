import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Skeleton, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { useDrawerSize } from '../../../components/useIsMobile';
import { validValues } from '../../../components/validValues';
import { type PriceList, usePriceList, useSavePriceList } from '../api';
import { CUSTOMER_CLASSES, PRICE_LIST_KINDS } from '../constants';
import { type ProductOption, ProductSelect } from './ProductSelect';

interface Values {
  name: string;
  kind: PriceList['kind'];
  customerClass?: string | null;
  validity: [Dayjs, Dayjs | null];
  active: boolean;
  items: { productId: number; price: string }[];
}

function Editor({ list, onClose }: { list: PriceList | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePriceList(list?.id);
  const handleError = useApiErrorHandler();
  const known: ProductOption[] = (list?.items ?? []).map((i) => ({
    id: i.productId,
    code: i.code ?? '',
    name: i.name ?? '',
  }));

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const [from, to] = v.validity;
    save.mutate(
      {
        name: v.name,
        kind: v.kind,
        customerClass: v.customerClass ?? null,
        validFrom: from.format('YYYY-MM-DD'),
        validTo: to ? to.format('YYYY-MM-DD') : null,
        active: v.active,
        items: (v.items ?? []).map((i) => ({ productId: i.productId, price: normalizeMoney(i.price) ?? i.price })),
        ...(list ? { version: list.version } : {}),
      },
      {
        onSuccess: () => {
          message.success(t(list ? 'common.updated' : 'common.created'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const label = (f: string) => t(`priceList.fields.${f}`);
  const required = { required: true, message: t('validation.required') };
  const initial: Partial<Values> = list
    ? {
        ...list,
        validity: [dayjs(list.validFrom), list.validTo ? dayjs(list.validTo) : null],
        items: (list.items ?? []).map((i) => ({ productId: i.productId, price: i.price })),
      }
    : { kind: 'list', active: true, validity: [dayjs(), null], items: [] };

  return (
    <>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="price-list-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={label('name')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={100} data-testid="price-list-field-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label={label('kind')} rules={[required]}>
              <Select options={PRICE_LIST_KINDS.map((k) => ({ value: k, label: t(`priceList.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="customerClass" label={label('customerClass')} tooltip={t('priceList.classHint')}>
              <Select
                allowClear
                options={CUSTOMER_CLASSES.map((c) => ({
                  value: c,
                  label: t(`dict.customerClass.${c}`, { defaultValue: c }),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="validity" label={label('validity')} rules={[required]}>
              <DatePicker.RangePicker allowEmpty={[false, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="active" label={label('active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={label('items')}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="price-list-item">
                    <Form.Item name={[f.name, 'productId']} rules={[required]}>
                      <ProductSelect known={known} style={{ width: 340 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'price']} rules={[required]}>
                      <MoneyInput style={{ width: 160 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="price-list-add-item">
                  {t('priceList.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
      <Space style={{ marginTop: 8 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="price-list-save">
          {t('common.save')}
        </Button>
      </Space>
    </>
  );
}

/** Create or edit a price list / promotion: validity, optional customer class, and per-product prices. */
export function PriceListDrawer({ id, open, onClose }: { id: number | 'new'; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const drawerSize = useDrawerSize('large');
  const query = usePriceList(id === 'new' ? null : id);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={drawerSize}
      destroyOnHidden
      title={id === 'new' ? t('priceList.new') : t('priceList.edit')}
    >
      {id !== 'new' && query.isPending ? (
        <Skeleton active />
      ) : (
        <Editor list={id === 'new' ? null : (query.data ?? null)} onClose={onClose} />
      )}
    </Drawer>
  );
}
