import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREDIT_RATINGS } from '../../../app/dictionaries';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useRequestCreditChange } from '../creditApi';

interface Values {
  rating: string;
  creditLimit: string;
  paymentTermsDays: number;
  reason: string;
}

export interface CreditRequestModalProps {
  customerId: number;
  open: boolean;
  /** Prefilled with the customer's current credit. */
  current: { rating: string | null; creditLimit: string | null; paymentTermsDays: number | null };
  onClose: () => void;
}

export function CreditRequestModal({ customerId, open, current, onClose }: CreditRequestModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestCreditChange(customerId);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    request.mutate(
      {
        rating: v.rating,
        creditLimit: normalizeMoney(v.creditLimit) ?? v.creditLimit,
        paymentTermsDays: v.paymentTermsDays,
        reason: v.reason.trim(),
      },
      {
        onSuccess: (r) => {
          message.success(t(r.status === 'approved' ? 'credit.appliedAtOnce' : 'credit.submitted'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const label = (f: string) => t(`credit.fields.${f}`);
  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={t('credit.requestTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('credit.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      okButtonProps={buttonTestId('credit-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          rating: current.rating ?? undefined,
          creditLimit: current.creditLimit ?? undefined,
          paymentTermsDays: current.paymentTermsDays ?? undefined,
        }}
      >
        <Form.Item name="rating" label={label('rating')} rules={[required]}>
          <DictSelect
            dict="dict.creditRating"
            values={CREDIT_RATINGS}
            allowClear={false}
            testId="credit-field-rating"
          />
        </Form.Item>
        <Form.Item
          name="creditLimit"
          label={label('creditLimit')}
          rules={[
            required,
            {
              validator: (_, v) =>
                v === undefined || v === null || v === '' || normalizeMoney(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('credit.invalidAmount'))),
            },
          ]}
        >
          <MoneyInput testId="credit-field-limit" />
        </Form.Item>
        <Form.Item name="paymentTermsDays" label={label('paymentTermsDays')} rules={[required]}>
          <InputNumber<number>
            min={0}
            max={365}
            precision={0}
            suffix={t('policyUnit.days', { count: 2 })}
            style={{ width: '100%' }}
            data-testid="credit-field-terms"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={label('reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="credit-field-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
