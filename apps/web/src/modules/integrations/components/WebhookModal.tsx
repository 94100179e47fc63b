import { App, Checkbox, Form, Input, Modal, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useSaveWebhook, useWebhookEventTypes, type WebhookEndpoint, type WebhookEndpointForm } from '../api';
import { eventLabel } from '../labels';

/** Creates or edits a webhook endpoint; a new endpoint's signing secret is handed to `onCreated`. */
export function WebhookModal({
  target,
  onClose,
  onCreated,
}: {
  target: WebhookEndpoint | 'new' | null;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookEndpointForm>();
  const save = useSaveWebhook();
  const types = useWebhookEventTypes();
  const handleError = useApiErrorHandler();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.setFieldsValue(
      editing
        ? { url: editing.url, description: editing.description, events: editing.events, active: editing.active }
        : { url: '', description: null, events: [], active: true },
    );
  }, [target, editing, form]);

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body = { ...values, description: values.description?.trim() || null };
    save.mutate(editing ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: (saved) => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
        if ('secret' in saved && typeof saved.secret === 'string') onCreated(saved.secret);
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  return (
    <Modal
      open={target !== null}
      title={t(editing ? 'integrations.webhooks.edit' : 'integrations.webhooks.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('webhook-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="url"
          label={t('integrations.webhooks.url')}
          extra={t('integrations.webhooks.urlHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input placeholder="https://erp.example.com/hooks/sales" maxLength={500} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="description" label={t('integrations.webhooks.description')}>
          <Input maxLength={200} data-testid="webhook-description" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('integrations.webhooks.events')}
          rules={[{ required: true, type: 'array', min: 1, message: t('integrations.webhooks.eventsRequired') }]}
        >
          <Checkbox.Group style={{ width: '100%' }} data-testid="webhook-events">
            <Space direction="vertical">
              {(types.data?.items ?? []).map((type) => (
                <Checkbox key={type} value={type}>
                  {eventLabel(t, type)}{' '}
                  <Typography.Text type="secondary" code>
                    {type}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="active"
          label={t('integrations.webhooks.active')}
          valuePropName="checked"
          extra={t('integrations.webhooks.activeHint')}
        >
          <Switch data-testid="webhook-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
