import { PlusOutlined } from '@ant-design/icons';
import { CONTRACT_MERGE_FIELDS } from '@sales/core';
import { App, Button, Card, Form, Input, Modal, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useContractTemplates, useSaveTemplate } from '../api';
import type { ContractTemplate } from '../types';

interface Values {
  name: string;
  body: string;
  qualityStandard?: string | null;
  afterSalesTerms?: string | null;
  active: boolean;
}

/** 合同模板: body with merge fields, standard quality and after-sales terms (contract_template.manage). */
export function ContractTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useContractTemplates(true);
  const save = useSaveTemplate();
  const [editing, setEditing] = useState<ContractTemplate | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const label = (f: string) => t(`fields.contractTemplate.${f}`);

  const open = (tpl: ContractTemplate | 'new') => {
    setEditing(tpl);
    form.setFieldsValue(
      tpl === 'new' ? { name: '', body: '', qualityStandard: null, afterSalesTerms: null, active: true } : tpl,
    );
  };
  const submit = (v: Values) => {
    const body = {
      ...v,
      qualityStandard: v.qualityStandard?.trim() || null,
      afterSalesTerms: v.afterSalesTerms?.trim() || null,
    };
    save.mutate(editing && editing !== 'new' ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t('common.saved'));
        setEditing(null);
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  return (
    <Card>
      <PageHeader
        title={t('menu.contractTemplates')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="template-new">
            {t('contract.template.new')}
          </Button>
        }
      />
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ContractTemplate>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={query.data?.items}
          pagination={false}
          data-testid="template-table"
          columns={[
            {
              title: label('name'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(r)}>
                  {v}
                </Button>
              ),
            },
            { title: label('qualityStandard'), dataIndex: 'qualityStandard', ellipsis: true },
            { title: label('afterSalesTerms'), dataIndex: 'afterSalesTerms', ellipsis: true },
            {
              title: label('active'),
              dataIndex: 'active',
              render: (a: boolean) => (
                <Tag color={a ? 'success' : 'default'}>
                  {t(a ? 'contract.template.active' : 'contract.template.inactive')}
                </Tag>
              ),
            },
            { title: label('updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        width={800}
        title={editing === 'new' ? t('contract.template.new') : t('contract.template.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={label('name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} data-testid="template-name" />
          </Form.Item>
          <Form.Item
            name="body"
            label={label('body')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            extra={
              <Typography.Text type="secondary">
                {t('contract.template.mergeFields')}
                {CONTRACT_MERGE_FIELDS.map((f) => (
                  <Tag key={f} style={{ marginInlineStart: 4 }}>{`{{${f}}}`}</Tag>
                ))}
              </Typography.Text>
            }
          >
            <Input.TextArea rows={10} maxLength={50000} data-testid="template-body" />
          </Form.Item>
          <Form.Item name="qualityStandard" label={label('qualityStandard')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="afterSalesTerms" label={label('afterSalesTerms')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="active" label={label('active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
