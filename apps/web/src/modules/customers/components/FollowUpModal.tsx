import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES, FOLLOW_UP_TYPES } from '../../../app/dictionaries';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues';
import { type Contact, type FollowUpLocation, useAddFollowUp } from '../api';
import { canLocate, LocationField } from './LocationField';

interface Values {
  type: string;
  outcome: string;
  content: string;
  contactId?: number | null;
  nextAction?: string;
  nextActionDate?: Dayjs | null;
  location?: FollowUpLocation | null;
}

export interface FollowUpModalProps {
  customerId: number;
  contacts: Contact[];
  open: boolean;
  onClose: () => void;
  /** Prefilled values, e.g. a collection (催收) follow-up started from an invoice. */
  initial?: { type?: string; content?: string };
  /** After the follow-up was saved. */
  onAdded?: () => void;
}

export function FollowUpModal({ customerId, contacts, open, onClose, initial, onAdded }: FollowUpModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddFollowUp(customerId);
  const handleError = useApiErrorHandler();
  const fit = useModalFit();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    add.mutate(
      {
        type: v.type,
        outcome: v.outcome,
        content: v.content.trim(),
        contactId: v.contactId ?? null,
        nextAction: v.nextAction?.trim() || null,
        nextActionDate: v.nextActionDate ? v.nextActionDate.format('YYYY-MM-DD') : null,
        location: v.location ?? null,
      },
      {
        onSuccess: () => {
          message.success(t('followUp.added'));
          onAdded?.();
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const label = (f: string) => t(`fields.followUp.${f}`);
  return (
    <Modal
      open={open}
      title={t('followUp.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={buttonTestId('followup-submit')}
      destroyOnHidden
      width={600}
      {...fit}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ type: 'call', outcome: 'neutral', ...initial }}
      >
        <Form.Item name="type" label={label('type')} rules={[{ required: true, message: t('validation.required') }]}>
          <DictSelect dict="dict.followUpType" values={FOLLOW_UP_TYPES} allowClear={false} testId="followup-type" />
        </Form.Item>
        <Form.Item
          name="outcome"
          label={label('outcome')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Radio.Group data-testid="followup-outcome">
            {FOLLOW_UP_OUTCOMES.map((o) => (
              <Radio key={o} value={o}>
                <span data-testid={`followup-outcome-${o}`}>{t(`dict.followUpOutcome.${o}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="content"
          label={label('content')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="followup-content" />
        </Form.Item>
        {contacts.length ? (
          <Form.Item name="contactId" label={label('contactName')}>
            <Select
              allowClear
              placeholder={t('common.pleaseSelect')}
              data-testid="followup-contact"
              options={contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="nextAction" label={label('nextAction')}>
          <Input maxLength={200} data-testid="followup-next-action" />
        </Form.Item>
        <Form.Item name="nextActionDate" label={label('nextActionDate')}>
          <DatePicker style={{ width: '100%' }} data-testid="followup-next-date" />
        </Form.Item>
        {canLocate() ? (
          <Form.Item name="location" label={t('followUp.location.label')}>
            <LocationField />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
