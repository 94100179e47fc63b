import { Alert, App, Button, Card, Divider, Flex, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useCustomer } from '../../customers/api';
import type { ProductOption } from '../../stock/types';
import { SalesActivationNotice } from '../../training/components/SalesActivationNotice';
import { fetchProductPrice, useCustomerContacts, useOrder, useSaveOrder } from '../api';
import { LineEditor } from '../components/LineEditor';
import { isLineValid, type LineDraft, lineFromOrder, lineFromProduct, toOrderLineInput } from '../components/lineDraft';
import { OrderHeaderFields, type OrderHeaderValues } from '../components/OrderHeaderFields';
import type { OrderDetail, OrderInput } from '../types';

const text = (v?: string | null) => (v?.trim() ? v.trim() : null);

function toInitial(o: OrderDetail): Partial<OrderHeaderValues> {
  return {
    customerId: o.customerId,
    contactId: o.contactId,
    channel: o.channel,
    requestedDate: dayjs(o.requestedDate),
    promisedDate: o.promisedDate ? dayjs(o.promisedDate) : null,
    warehouseId: o.warehouseId,
    consignee: o.consignee ?? '',
    consigneePhone: o.consigneePhone ?? '',
    shippingAddress: o.shippingAddress ?? '',
    specialRequirements: o.specialRequirements ?? '',
    remark: o.remark ?? '',
  };
}

/** 订单录入 (new / edit draft). The lines live outside the antd form for keyboard-first entry. */
export function OrderFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const query = useOrder(id ?? 0);
  if (id !== undefined && (!Number.isInteger(id) || id <= 0)) return <NotFoundPage />;
  if (id !== undefined && query.isPending) return <PageSpinner />;
  if (id !== undefined && query.isError)
    return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <OrderForm key={query.data ? `${query.data.id}-${query.data.version}` : 'new'} order={query.data} />;
}

function OrderForm({ order }: { order?: OrderDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<OrderHeaderValues>();
  const isEdit = Boolean(order);
  const save = useSaveOrder(order?.id);
  // One key per form opening: a double click or a retry after a lost answer creates one order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const submitting = useRef(false);
  const [lines, setLines] = useState<LineDraft[]>(() => order?.lines.map(lineFromOrder) ?? []);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [linesError, setLinesError] = useState<string | null>(null);
  const [customerId, setCustomerId] = useState<number | undefined>(order?.customerId);
  const warehouseId = Form.useWatch('warehouseId', form);
  const requestedDate = Form.useWatch('requestedDate', form);
  const customer = useCustomer(customerId ?? 0);
  const contacts = useCustomerContacts(customerId);
  const customerClass = customer.data?.class ?? undefined;
  const priceDate = (requestedDate ?? dayjs()).format('YYYY-MM-DD');

  // The customer's price (class price list / promotion) for every line whose price was not typed.
  const linesRef = useRef(lines);
  linesRef.current = lines;
  const applyPrice = (key: string, productId: number) => {
    fetchProductPrice(productId, customerClass, priceDate)
      .then((price) => {
        if (!price) return;
        setLines((ls) => ls.map((l) => (l.key === key && !l.priceEdited ? { ...l, unitPrice: price } : l)));
      })
      .catch(() => undefined);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-price only when the class or the date changes
  useEffect(() => {
    for (const l of linesRef.current) if (!l.priceEdited) applyPrice(l.key, l.productId);
  }, [customerClass, priceDate]);

  const onCustomerChange = (cid: number | undefined) => {
    setCustomerId(cid);
    form.setFieldValue('contactId', undefined);
  };
  // A new customer's address fills an empty shipping address.
  useEffect(() => {
    const c = customer.data;
    if (!c || isEdit) return;
    if (!form.getFieldValue('shippingAddress') && c.address) form.setFieldValue('shippingAddress', c.address);
  }, [customer.data, form, isEdit]);

  const onAdd = (p: ProductOption) => {
    setLinesError(null);
    const existing = lines.find((l) => l.productId === p.id);
    if (existing) {
      // Scanning the same product again adds one more.
      const qty = String(Number(existing.qty ?? 0) + 1);
      setLines(lines.map((l) => (l.key === existing.key ? { ...l, qty } : l)));
      setFocusKey(existing.key);
      return;
    }
    const line = lineFromProduct(p);
    setLines([...lines, line]);
    setFocusKey(line.key);
    applyPrice(line.key, p.id);
  };

  const onFinish = (v: OrderHeaderValues) => {
    if (submitting.current) return;
    if (lines.length === 0) {
      setLinesError(t('order.form.linesRequired'));
      return;
    }
    const bad = lines.findIndex((l) => !isLineValid(l));
    if (bad >= 0) {
      setLinesError(t('order.form.lineInvalid', { n: bad + 1 }));
      return;
    }
    setLinesError(null);
    const body: OrderInput & { version?: number } = {
      customerId: v.customerId,
      contactId: v.contactId ?? null,
      channel: v.channel,
      requestedDate: v.requestedDate.format('YYYY-MM-DD'),
      promisedDate: v.promisedDate ? v.promisedDate.format('YYYY-MM-DD') : null,
      warehouseId: v.warehouseId ?? null,
      specialRequirements: text(v.specialRequirements),
      consignee: text(v.consignee),
      consigneePhone: text(v.consigneePhone),
      shippingAddress: text(v.shippingAddress),
      remark: text(v.remark),
      lines: lines.map(toOrderLineInput),
    };
    if (order) body.version = order.version;
    submitting.current = true;
    save.mutate(
      { body, idempotencyKey },
      {
        onSettled: () => {
          submitting.current = false;
        },
        onSuccess: (saved) => {
          message.success(t(isEdit ? 'common.updated' : 'common.created'));
          navigate(`/orders/${saved?.id ?? order?.id}`, { replace: true });
        },
        onError: (err) => {
          // Line errors (lines.N.field) are shown under the lines table.
          if (err instanceof ApiError) {
            const lineErrs = err.fields.filter((f) => f.field.startsWith('lines'));
            if (lineErrs.length) {
              setLinesError(
                lineErrs
                  .map((f) => {
                    const n = /^lines\.(\d+)/.exec(f.field);
                    return n ? t('order.form.lineError', { n: Number(n[1]) + 1, message: f.message }) : f.message;
                  })
                  .join('；'),
              );
            }
          }
          handleError(err, { form, onStale: () => navigate(0) });
        },
      },
    );
  };

  return (
    <Card>
      <PageHeader
        title={isEdit ? t('order.editTitle', { no: order?.no }) : t('order.newTitle')}
        onBack={() => navigate(-1)}
      />
      {isEdit ? null : <SalesActivationNotice />}
      {order && order.status !== 'draft' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('order.form.notDraft')} />
      ) : null}
      <Form<OrderHeaderValues>
        form={form}
        layout="vertical"
        data-testid="order-form"
        initialValues={order ? toInitial(order) : { channel: 'rep', requestedDate: dayjs().add(7, 'day') }}
        onFinish={onFinish}
      >
        <OrderHeaderFields
          customerOption={
            customer.data
              ? { id: customer.data.id, no: customer.data.no, name: customer.data.name }
              : order
                ? { id: order.customerId, no: order.customerNo ?? '', name: order.customerName }
                : null
          }
          contacts={contacts.data?.items ?? []}
          onCustomerChange={onCustomerChange}
        />
        <Divider titlePlacement="start">{t('order.form.lines')}</Divider>
        <LineEditor
          lines={lines}
          onChange={(ls) => {
            setLines(ls);
            setLinesError(null);
          }}
          onAdd={onAdd}
          warehouseId={warehouseId}
          focusKey={focusKey}
          onFocused={() => setFocusKey(null)}
          error={linesError}
        />
        <Flex justify="end" style={{ marginTop: 16 }}>
          <Space>
            <Button onClick={() => (order ? navigate(`/orders/${order.id}`) : navigate(-1))}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="order-save">
              {t('order.form.saveDraft')}
            </Button>
          </Space>
        </Flex>
      </Form>
    </Card>
  );
}
