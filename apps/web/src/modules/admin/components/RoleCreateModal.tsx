import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { type Role, useSaveRole } from '../api';

export function RoleCreateModal({ open, onClose }: { open: boolean; onClose: (created?: Role) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const save = useSaveRole();
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      { code: v.code.trim(), name: v.name.trim(), grants: [] },
      {
        onSuccess: (role) => {
          message.success(t('common.created'));
          onClose(role);
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={t('admin.roles.newTitle')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('role-create-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="code" label={t('fields.role.code')} rules={required} extra={t('admin.roles.codeHint')}>
          <Input maxLength={40} data-testid="role-code" />
        </Form.Item>
        <Form.Item name="name" label={t('fields.role.name')} rules={required}>
          <Input maxLength={40} data-testid="role-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
