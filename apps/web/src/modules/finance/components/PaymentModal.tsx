import { PAYMENT_KINDS, PAYMENT_METHODS } from '@sales/core';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput } from '../../../components/MoneyInput';
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
}

/** 收款登记: a rep reports a collection (finance confirms it later); finance's own entry is confirmed at once. */
export function PaymentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  // One key per opened dialog: a double click or a retry creates one payment (Idempotency-Key).
  const key = useMemo(() => (open ? `pay-${crypto.randomUUID()}` : ''), [open]);
  const create = useFinanceMutation<Record<string, unknown>>(() => '/api/payments', {
    headers: () => ({ 'Idempotency-Key': key }),
  });
  const method = Form.useWatch('method', form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        ...v.doc,
        kind: v.kind,
        method: v.method,
        chequeNo: v.chequeNo,
        amount: v.amount,
        receivedDate: v.receivedDate.format('YYYY-MM-DD'),
        payerName: v.payerName,
        remark: v.remark,
        doc: undefined,
      });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      title={t('finance.payment.new')}
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
        initialValues={{ kind: 'instalment', method: 'transfer', receivedDate: dayjs() }}
      >
        <Form.Item
          name="doc"
          label={t('finance.doc.label')}
          rules={[
            {
              validator: (_, v: DocRef) =>
                v?.orderId || v?.contractId ? Promise.resolve() : Promise.reject(new Error(t('finance.doc.required'))),
            },
          ]}
        >
          <DocumentPicker />
        </Form.Item>
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
