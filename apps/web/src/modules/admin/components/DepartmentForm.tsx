import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { UserSelect } from '../../../components/UserSelect';
import { type Department, type DepartmentInput, useSaveDepartment } from '../api';
import { DeptTreeSelect } from './DeptTreeSelect';

export interface DepartmentFormProps {
  /** Department being edited, or `{ parentId }` for a new one. */
  dept: Department | { parentId: number | null };
  onSaved: (saved: Department | undefined) => void;
  onCancel: () => void;
}

export function DepartmentForm({ dept, onSaved, onCancel }: DepartmentFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentInput>();
  const save = useSaveDepartment();
  const handleError = useApiErrorHandler();
  const editing = 'id' in dept ? dept : null;

  const onFinish = (v: DepartmentInput) => {
    const body: DepartmentInput = {
      name: v.name.trim(),
      parentId: v.parentId ?? null,
      headUserId: v.headUserId ?? null,
      sort: v.sort ?? 0,
    };
    save.mutate(editing ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: (saved) => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onSaved(saved);
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const label = (f: string) => t(`fields.department.${f}`);
  return (
    <Form<DepartmentInput>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        name: editing?.name ?? '',
        parentId: dept.parentId ?? undefined,
        headUserId: editing?.headUserId ?? undefined,
        sort: editing?.sort ?? 0,
      }}
      data-testid="dept-form"
    >
      <Form.Item
        name="name"
        label={label('name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={60} data-testid="dept-name" />
      </Form.Item>
      <Form.Item name="parentId" label={label('parentName')}>
        <DeptTreeSelect testId="dept-parent" disabledId={editing?.id} />
      </Form.Item>
      <Form.Item name="headUserId" label={label('headUserName')}>
        <UserSelect testId="dept-head" />
      </Form.Item>
      <Form.Item name="sort" label={label('sort')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="dept-sort" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="dept-submit">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
