import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import type { OrderDetail } from '../types';

export interface ReviewValues {
  comment?: string;
  allowProduction?: boolean;
}

interface FormValues {
  comment?: string;
  allowProduction?: boolean;
}

export interface ReviewModalProps {
  order: OrderDetail | null;
  submitting: boolean;
  onSubmit: (values: ReviewValues) => void;
  onClose: () => void;
}

/**
 * 订单评审 (SPEC 3.4): the server checks credit, stock or capacity and completeness together.
 * allowProduction lets a stock shortage pass when production can make the quantity by the promised date.
 */
export function ReviewModal({ order, ...rest }: ReviewModalProps) {
  const session = useModalSession(order);
  return <ReviewModalBody key={session.key} order={session.shown} open={order !== null} {...rest} />;
}

function ReviewModalBody({ order, open, submitting, onSubmit, onClose }: ReviewModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    onSubmit({
      comment: v.comment?.trim() || undefined,
      allowProduction: v.allowProduction || undefined,
    });
  };
  return (
    <Modal
      open={open}
      title={t('order.review.title', { no: order?.no ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('order.review.run')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      okButtonProps={buttonTestId('order-review-submit')}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('order.review.hint')} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="allowProduction"
          valuePropName="checked"
          extra={
            order?.promisedDate
              ? t('order.review.allowProductionHint', { date: order.promisedDate })
              : t('order.review.allowProductionNeedsDate')
          }
        >
          <Checkbox disabled={!order?.promisedDate} data-testid="order-review-allow-production">
            {t('order.review.allowProduction')}
          </Checkbox>
        </Form.Item>
        <Form.Item name="comment" label={t('order.review.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="order-review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
