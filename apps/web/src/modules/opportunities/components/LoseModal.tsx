import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { DictSelect } from '../../../components/DictSelect';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { LOST_CATEGORIES } from '../constants';

export interface LoseValues {
  reason: string;
  category: string | null;
}

export interface LoseModalProps {
  /** The opportunity being lost (its name is shown); null = closed. */
  target: { name: string } | null;
  submitting: boolean;
  onSubmit: (values: LoseValues) => void;
  onClose: () => void;
}

/** Asks for the lost reason (required) and its category before an opportunity is marked lost. */
export function LoseModal({ target, ...rest }: LoseModalProps) {
  const session = useModalSession(target);
  return <LoseModalBody key={session.key} target={session.shown} open={target !== null} {...rest} />;
}

function LoseModalBody({ target, open, submitting, onSubmit, onClose }: LoseModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoseValues>();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    onSubmit({ reason: v.reason.trim(), category: v.category ?? null });
  };

  return (
    <Modal
      open={open}
      title={t('opportunity.lose.title', { name: target?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('opportunity.lose.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ ...buttonTestId('lose-submit'), danger: true }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} data-testid="lose-form">
        <Form.Item
          name="reason"
          label={t('fields.opportunity.lostReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="lose-reason" />
        </Form.Item>
        <Form.Item name="category" label={t('fields.opportunity.lostCategory')}>
          <DictSelect dict="opportunity.lostCategory" values={LOST_CATEGORIES} testId="lose-category" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
