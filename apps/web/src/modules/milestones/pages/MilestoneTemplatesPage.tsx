import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { validValues } from '../../../components/validValues.ts';
import { useDepartments } from '../../admin/api';
import { useMilestoneCommand, useMilestoneTemplates } from '../api';
import type { MilestoneTemplate, MilestoneTemplateStep } from '../types';

interface Values {
  name: string;
  description?: string;
  active: boolean;
  steps: {
    name: string;
    departmentId?: number | null;
    offsetDays: number;
    requiredDocuments?: string[];
    note?: string;
  }[];
}

/** 交付后流程模板 (SPEC 4.5): steps, responsible department, due offsets in working days, documents. */
export function MilestoneTemplatesPage() {
  const { t } = useTranslation();
  const list = useMilestoneTemplates();
  const depts = useDepartments();
  const command = useMilestoneCommand();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<MilestoneTemplate | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const f = (k: string) => t(`milestones.fields.${k}`);
  const deptOptions = (depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));

  const openEditor = (tpl: MilestoneTemplate | 'new') => {
    setEditing(tpl);
    form.setFieldsValue(
      tpl === 'new'
        ? { name: '', active: true, steps: [{ name: '', offsetDays: 0, requiredDocuments: [] }] }
        : {
            name: tpl.name,
            description: tpl.description ?? undefined,
            active: tpl.active,
            steps: tpl.steps.map((s) => ({ ...s, note: s.note ?? undefined })),
          },
    );
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      ...v,
      steps: v.steps.map((s) => ({
        ...s,
        departmentId: s.departmentId ?? null,
        requiredDocuments: s.requiredDocuments ?? [],
      })),
    };
    try {
      if (editing === 'new') await command.mutateAsync({ path: '/api/milestone-templates', body });
      else if (editing)
        await command.mutateAsync({
          path: `/api/milestone-templates/${editing.id}`,
          method: 'PUT',
          body: { ...body, version: editing.version },
        });
      setEditing(null);
    } catch (e) {
      handleError(e, { form });
    }
  };

  return (
    <Card>
      <PageHeader
        title={t('menu.milestoneTemplates')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')} data-testid="template-new">
            {t('milestones.templates.new')}
          </Button>
        }
      />
      {list.data?.items.length ? (
        <List
          dataSource={list.data.items}
          renderItem={(tpl) => (
            <Card
              size="small"
              style={{ marginBottom: 16 }}
              title={
                <Space wrap>
                  {tpl.name}
                  {tpl.active ? null : <Tag>{t('milestones.templates.inactive')}</Tag>}
                </Space>
              }
              extra={<Button onClick={() => openEditor(tpl)}>{t('common.edit')}</Button>}
            >
              {tpl.description ? <p>{tpl.description}</p> : null}
              <Table<MilestoneTemplateStep>
                size="small"
                rowKey={(s) => String(s.id)}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={tpl.steps}
                columns={[
                  { title: f('step'), dataIndex: 'name' },
                  { title: f('department'), dataIndex: 'departmentName', render: (v: string | null) => orDash(v) },
                  {
                    title: f('offsetDays'),
                    dataIndex: 'offsetDays',
                    align: 'right',
                    render: (v: number) => t('milestones.templates.workingDays', { n: v }),
                  },
                  {
                    title: f('documents'),
                    dataIndex: 'requiredDocuments',
                    render: (v: string[]) => (v.length ? v.join('、') : '-'),
                  },
                  { title: f('note'), dataIndex: 'note', render: (v: string | null) => orDash(v) },
                ]}
              />
            </Card>
          )}
        />
      ) : (
        <Empty />
      )}
      <Modal
        title={editing === 'new' ? t('milestones.templates.new') : t('milestones.templates.edit')}
        open={!!editing}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={command.isPending}
        width={880}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={f('template')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} data-testid="template-name" />
          </Form.Item>
          <Form.Item name="description" label={f('description')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="active" label={f('active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('milestones.templates.stepNo', { n: i + 1 })}
                    extra={
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('common.delete')}
                      />
                    }
                  >
                    <Space wrap align="start">
                      <Form.Item
                        name={[field.name, 'name']}
                        label={f('step')}
                        rules={[{ required: true, whitespace: true }]}
                      >
                        <Input maxLength={100} style={{ width: 200 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'departmentId']} label={f('department')}>
                        <Select allowClear options={deptOptions} style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'offsetDays']} label={f('offsetDays')} rules={[{ required: true }]}>
                        <InputNumber min={0} max={2000} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'requiredDocuments']} label={f('documents')}>
                        <Select mode="tags" style={{ width: 240 }} open={false} />
                      </Form.Item>
                    </Space>
                    <Form.Item name={[field.name, 'note']} label={f('note')}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', offsetDays: 0, requiredDocuments: [] })}>
                  {t('milestones.templates.addStep')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
