import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { DeptTreeSelect } from '../../admin/components/DeptTreeSelect';
import { type Pool, useSavePool } from '../api';

interface Values {
  name: string;
  description?: string;
  memberDeptIds: number[];
}

export interface PoolModalProps {
  target: Pool | 'new' | null;
  onClose: () => void;
}

export function PoolModal({ target, onClose }: PoolModalProps) {
  const session = useModalSession(target);
  return <PoolModalBody key={session.key} target={session.shown} open={target !== null} onClose={onClose} />;
}

function PoolModalBody({ target, open, onClose }: PoolModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target && target !== 'new' ? target : null;
  const save = useSavePool(editing?.id);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = { name: v.name.trim(), description: v.description?.trim() || null, memberDeptIds: v.memberDeptIds };
    save.mutate(editing ? { ...body, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={editing ? t('pool.manage.editTitle') : t('pool.manage.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('pool-submit')}
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
                description: editing.description ?? undefined,
                memberDeptIds: editing.memberDepts.map((d) => d.id),
              }
            : { memberDeptIds: [] }
        }
      >
        <Form.Item name="name" label={t('pool.fields.name')} rules={[{ ...required[0], whitespace: true }]}>
          <Input maxLength={60} data-testid="pool-name" />
        </Form.Item>
        <Form.Item name="description" label={t('pool.fields.description')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="pool-description" />
        </Form.Item>
        <Form.Item
          name="memberDeptIds"
          label={t('pool.fields.memberDepts')}
          rules={[{ ...required[0], type: 'array', min: 1 }]}
          extra={t('pool.manage.membersHint')}
        >
          <DeptTreeSelect multiple testId="pool-members" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
