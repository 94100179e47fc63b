import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { type AdminUser, useResetPassword } from '../api';

export function ResetPasswordModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const handleError = useApiErrorHandler();

  const submit = async () => {
    if (!user) return;
    const values = await validValues(form);
    if (!values) return;
    const { password } = values;
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('admin.users.passwordReset'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('admin.users.resetPasswordTitle', { name: user?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      okButtonProps={buttonTestId('reset-password-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('auth.newPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password data-testid="reset-password-input" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
