import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { type AdminUser, type UserInput, useRoles, useSaveUser } from '../api';
import { DeptTreeSelect } from './DeptTreeSelect';

export interface UserModalProps {
  target: AdminUser | 'new' | null;
  onClose: () => void;
}

export function UserModal({ target, onClose }: UserModalProps) {
  const session = useModalSession(target);
  return <UserModalBody key={session.key} target={session.shown} open={target !== null} onClose={onClose} />;
}

function UserModalBody({ target, open, onClose }: UserModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserInput>();
  const save = useSaveUser();
  const roles = useRoles();
  const handleError = useApiErrorHandler();
  const editing = target && target !== 'new' ? target : null;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body: UserInput = {
      username: v.username.trim(),
      name: v.name.trim(),
      mobile: v.mobile?.trim() || null,
      deptId: v.deptId,
      managerId: v.managerId ?? null,
      roles: v.roles ?? [],
    };
    if (editing) body.active = !!v.active;
    else body.password = v.password;
    save.mutate(editing ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const label = (f: string) => t(`fields.user.${f}`);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={editing ? t('admin.users.editTitle') : t('admin.users.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('user-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing
            ? { ...editing, deptId: editing.deptId ?? undefined, managerId: editing.managerId ?? undefined }
            : { roles: [], active: true }
        }
      >
        <Form.Item name="username" label={label('username')} rules={required}>
          <Input maxLength={40} disabled={!!editing} data-testid="user-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={label('name')} rules={required}>
          <Input maxLength={40} data-testid="user-name" />
        </Form.Item>
        <Form.Item name="mobile" label={label('mobile')}>
          <Input maxLength={20} data-testid="user-mobile" />
        </Form.Item>
        <Form.Item name="deptId" label={label('deptName')} rules={required}>
          <DeptTreeSelect testId="user-dept" />
        </Form.Item>
        <Form.Item name="managerId" label={label('managerName')}>
          <UserSelect testId="user-manager" excludeId={editing?.id} />
        </Form.Item>
        <Form.Item name="roles" label={label('roles')}>
          <Select
            mode="multiple"
            loading={roles.isLoading}
            data-testid="user-roles"
            placeholder={t('common.pleaseSelect')}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={label('active')} valuePropName="checked">
            <Switch data-testid="user-active" />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={label('password')} rules={required}>
            <Input.Password data-testid="user-password" autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
