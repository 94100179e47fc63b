import { changeDue, PAYMENT_KINDS, PAYMENT_METHODS } from '@sales/core';
import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { validValues } from '../../../components/validValues.ts';
import { useFinanceMutation } from '../api';
import { type DocRef, DocumentPicker } from './DocumentPicker';

interface Values {
  doc: DocRef;
  kind: string;
  method: string;
  chequeNo?: string;
  amount: string;
  receivedDate: Dayjs;
  payerName: string;
  remark?: string;
  tendered?: string;
}

/** 门市收银: the counter order being paid, with what is due. */
export interface CounterSale {
  orderId: number;
  orderNo: string;
  amountDue: string;
  payerName: string;
}

/**
 * 收款登记: a rep reports a collection (finance confirms it later); finance's own entry is confirmed at
 * once. At the counter (`counter`) it is the cashier's 唱收唱找: the amount due, the cash handed over
 * and the change, shown as typed and recorded with the payment (retail seed 5.2.6).
 */
export function PaymentModal({
  open,
  onClose,
  counter,
  onRecorded,
}: {
  open: boolean;
  onClose: () => void;
  counter?: CounterSale;
  onRecorded?: (p: { id: number; receiptNo: string | null }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  // One key per opened dialog: a double click or a retry creates one payment (Idempotency-Key).
  const key = useMemo(() => (open ? `pay-${crypto.randomUUID()}` : ''), [open]);
  const create = useFinanceMutation<Record<string, unknown>, { id: number; receiptNo: string | null }>(
    () => '/api/payments',
    { headers: () => ({ 'Idempotency-Key': key }) },
  );
  const method = Form.useWatch('method', form);
  const amount = Form.useWatch('amount', form);
  const tendered = Form.useWatch('tendered', form);
  const change = method === 'cash' && amount && tendered ? changeDue(amount, tendered) : null;
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      const p = await create.mutateAsync({
        ...(counter ? { orderId: counter.orderId } : v.doc),
        kind: v.kind,
        method: v.method,
        chequeNo: v.chequeNo,
        amount: v.amount,
        receivedDate: v.receivedDate.format('YYYY-MM-DD'),
        payerName: v.payerName,
        remark: v.remark,
        tendered: v.method === 'cash' && v.tendered ? v.tendered : undefined,
        doc: undefined,
      });
      onRecorded?.(p);
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      title={counter ? t('finance.payment.counterTitle', { no: counter.orderNo }) : t('finance.payment.new')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          counter
            ? {
                kind: 'full',
                method: 'cash',
                amount: counter.amountDue,
                payerName: counter.payerName,
                receivedDate: dayjs(),
              }
            : { kind: 'instalment', method: 'transfer', receivedDate: dayjs() }
        }
      >
        {counter ? (
          <Form.Item label={t('finance.doc.label')}>
            <Typography.Text strong data-testid="payment-counter-order">
              {counter.orderNo}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="doc"
            label={t('finance.doc.label')}
            rules={[
              {
                validator: (_, v: DocRef) =>
                  v?.orderId || v?.contractId
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('finance.doc.required'))),
              },
            ]}
          >
            <DocumentPicker />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('finance.payment.kind')} rules={[{ required: true }]}>
          <DictSelect dict="finance.paymentKind" values={PAYMENT_KINDS} allowClear={false} testId="payment-kind" />
        </Form.Item>
        <Form.Item name="method" label={t('finance.payment.method')} rules={[{ required: true }]}>
          <DictSelect
            dict="finance.paymentMethod"
            values={PAYMENT_METHODS}
            allowClear={false}
            testId="payment-method"
          />
        </Form.Item>
        {method === 'cheque' ? (
          <Form.Item
            name="chequeNo"
            label={t('finance.payment.chequeNo')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={50} data-testid="payment-cheque-no" />
          </Form.Item>
        ) : null}
        <Form.Item name="amount" label={t('finance.payment.amount')} rules={[{ required: true }]}>
          <MoneyInput testId="payment-amount" />
        </Form.Item>
        {method === 'cash' ? (
          <Form.Item
            name="tendered"
            label={t('finance.payment.tendered')}
            rules={[{ required: !!counter, message: t('validation.required') }]}
            extra={
              tendered && amount ? (
                change === null ? (
                  <Typography.Text type="danger" data-testid="payment-tendered-short">
                    {t('finance.payment.tenderedShort')}
                  </Typography.Text>
                ) : (
                  <span data-testid="payment-change">
                    {t('finance.payment.change')}
                    <MoneyText value={change} />
                  </span>
                )
              ) : (
                t('finance.payment.tenderedHint')
              )
            }
          >
            <MoneyInput testId="payment-tendered" />
          </Form.Item>
        ) : null}
        <Form.Item name="receivedDate" label={t('finance.payment.receivedDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="payerName"
          label={t('finance.payment.payerName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="payment-payer" />
        </Form.Item>
        <Form.Item name="remark" label={t('finance.remark')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
