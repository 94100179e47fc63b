import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { type Contact, type ContactInput, useSaveContact } from '../api';

export interface ContactModalProps {
  customerId: number;
  /** null = closed, 'new' = create, Contact = edit. */
  target: Contact | 'new' | null;
  onClose: () => void;
}

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function ContactModal({ customerId, target, onClose }: ContactModalProps) {
  const session = useModalSession(target);
  return (
    <ContactModalBody
      key={session.key}
      customerId={customerId}
      target={session.shown}
      open={target !== null}
      onClose={onClose}
    />
  );
}

function ContactModalBody({ customerId, target, open, onClose }: ContactModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactInput>();
  const save = useSaveContact(customerId);
  const handleError = useApiErrorHandler();
  const editing = target && target !== 'new' ? target : null;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body: ContactInput = {
      name: v.name.trim(),
      title: blankToNull(v.title),
      mobile: blankToNull(v.mobile),
      email: blankToNull(v.email),
      wechat: blankToNull(v.wechat),
      remark: blankToNull(v.remark),
      isPrimary: !!v.isPrimary,
    };
    save.mutate(editing ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const label = (f: string) => t(`fields.contact.${f}`);
  return (
    <Modal
      open={open}
      title={editing ? t('contact.editTitle') : t('contact.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('contact-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={editing ?? { isPrimary: false }}>
        <Form.Item
          name="name"
          label={label('name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={50} data-testid="contact-name" />
        </Form.Item>
        <Form.Item name="title" label={label('title')}>
          <Input maxLength={50} data-testid="contact-title" />
        </Form.Item>
        <Form.Item name="mobile" label={label('mobile')}>
          <Input maxLength={30} data-testid="contact-mobile" />
        </Form.Item>
        <Form.Item name="email" label={label('email')}>
          <Input maxLength={100} data-testid="contact-email" />
        </Form.Item>
        <Form.Item name="wechat" label={label('wechat')}>
          <Input maxLength={50} data-testid="contact-wechat" />
        </Form.Item>
        <Form.Item name="isPrimary" label={label('isPrimary')} valuePropName="checked">
          <Switch data-testid="contact-isPrimary" />
        </Form.Item>
        <Form.Item name="remark" label={label('remark')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="contact-remark" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
