import { Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ProductPicker } from '../../../components/ProductPicker';
import type { ProductFacts } from '../../../components/pricedLines';
import { UserSelect } from '../../../components/UserSelect';
import { validValues } from '../../../components/validValues.ts';
import { CHANNELS, type Inquiry, TOPICS, useInquiryMutation } from '../api';

type Picked = ProductFacts;

/** 登记咨询: who asked, through which channel, about which products, and the question. */
export function InquiryFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [picked, setPicked] = useState<Picked[]>([]);
  const onError = useApiErrorHandler();
  const { hasPermission } = useAuth();
  const save = useInquiryMutation<Record<string, unknown>, Inquiry>('/api/inquiries');
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      { ...v, productIds: picked.map((p) => p.id) },
      {
        onSuccess: (r) => {
          form.resetFields();
          setPicked([]);
          onClose();
          navigate(`/inquiries/${r.id}`);
        },
        onError: (e) => onError(e, { form }),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('inquiries.new')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'online', topic: 'product_info' }}>
        <Form.Item name="channel" label={t('inquiries.fields.channel')} rules={[{ required: true }]}>
          <Select options={CHANNELS.map((c) => ({ value: c, label: t(`inquiries.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="contactName" label={t('inquiries.fields.contactName')} rules={[{ required: true }]}>
          <Input maxLength={50} data-testid="inquiry-contact" />
        </Form.Item>
        <Form.Item name="company" label={t('inquiries.fields.company')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="mobile" label={t('inquiries.fields.mobile')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="email" label={t('inquiries.fields.email')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="topic" label={t('inquiries.fields.topic')}>
          <Select options={TOPICS.map((c) => ({ value: c, label: t(`inquiries.topic.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('inquiries.fields.products')}>
          <ProductPicker<Picked>
            testId="inquiry-product"
            placeholder={t('inquiries.pickProduct')}
            onPick={(p) => setPicked((xs) => (xs.some((x) => x.id === p.id) ? xs : [...xs, p]))}
          />
          <div style={{ marginTop: 8 }}>
            {picked.map((p) => (
              <Tag key={p.id} closable onClose={() => setPicked((xs) => xs.filter((x) => x.id !== p.id))}>
                {p.code} {p.name}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Form.Item name="question" label={t('inquiries.fields.question')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="inquiry-question" />
        </Form.Item>
        {hasPermission('frontdesk.register') ? (
          <Form.Item name="handlerId" label={t('inquiries.fields.handler')}>
            <UserSelect allowClear />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
