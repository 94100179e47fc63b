import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useCreateApiToken } from '../api';
import { SecretModal } from './SecretModal';

interface Values {
  name: string;
  expiresOn?: Dayjs | null;
}

/** Creates a personal token, then shows its secret once (SPEC 1.11: stored only hashed). */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();
  const handleError = useApiErrorHandler();
  const [secret, setSecret] = useState<string | null>(null);

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    create.mutate(
      { name: values.name.trim(), expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : null },
      {
        onSuccess: (token) => {
          message.success(t('integrations.tokens.created'));
          onClose();
          setSecret(token.secret);
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <>
      <Modal
        open={open}
        title={t('integrations.tokens.new')}
        onCancel={onClose}
        onOk={() => void submit()}
        okText={t('integrations.tokens.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        okButtonProps={buttonTestId('token-create-submit')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={t('integrations.tokens.name')}
            extra={t('integrations.tokens.nameHint')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={60} data-testid="token-name" />
          </Form.Item>
          <Form.Item
            name="expiresOn"
            label={t('integrations.tokens.expiresOn')}
            extra={t('integrations.tokens.expiresHint')}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="token-expires"
            />
          </Form.Item>
        </Form>
      </Modal>
      <SecretModal
        secret={secret}
        title={t('integrations.tokens.secretTitle')}
        warning={t('integrations.tokens.secretOnce')}
        onClose={() => setSecret(null)}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('integrations.tokens.usage')}
        </Typography.Paragraph>
        <Typography.Text code>Authorization: Bearer sst_…</Typography.Text>
      </SecretModal>
    </>
  );
}
