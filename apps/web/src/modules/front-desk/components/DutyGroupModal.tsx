import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { DeptTreeSelect } from '../../admin/components/DeptTreeSelect';
import { type DutyGroup, type DutyGroupInput, useSaveDutyGroup } from '../dutyApi';
import { MemberOrderEditor } from './MemberOrderEditor';

export interface DutyGroupModalProps {
  target: DutyGroup | 'new' | null;
  onClose: () => void;
  onSaved?: (group: DutyGroup) => void;
}

export function DutyGroupModal({ target, onClose, onSaved }: DutyGroupModalProps) {
  const session = useModalSession(target);
  return (
    <DutyGroupModalBody
      key={session.key}
      target={session.shown}
      open={target !== null}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

function DutyGroupModalBody({ target, open, onClose, onSaved }: DutyGroupModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DutyGroupInput>();
  const editing = target && target !== 'new' ? target : null;
  const save = useSaveDutyGroup(editing?.id);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body: DutyGroupInput = {
      name: v.name.trim(),
      deptId: v.deptId,
      memberIds: v.memberIds ?? [],
      active: !!v.active,
    };
    save.mutate(editing ? { ...body, version: editing.version } : body, {
      onSuccess: (group) => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onSaved?.(group);
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('duty.editGroup') : t('duty.newGroup')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('duty-group-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing
            ? {
                name: editing.name,
                deptId: editing.deptId,
                active: editing.active,
                memberIds: editing.members.map((m) => m.userId),
              }
            : { active: true, memberIds: [] }
        }
      >
        <Form.Item name="name" label={t('duty.fields.name')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={60} data-testid="duty-group-name" />
        </Form.Item>
        <Form.Item name="deptId" label={t('duty.fields.dept')} rules={[required]}>
          <DeptTreeSelect testId="duty-group-dept" />
        </Form.Item>
        <Form.Item name="active" label={t('duty.fields.active')} valuePropName="checked">
          <Switch data-testid="duty-group-active" />
        </Form.Item>
        <Form.Item name="memberIds" label={t('duty.fields.members')} extra={t('duty.membersHint')}>
          <MemberOrderEditor knownNames={Object.fromEntries((editing?.members ?? []).map((m) => [m.userId, m.name]))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
