import { DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { type ProductCategory, useCategories, useDeleteCategory, useSaveCategory } from '../api';
import { PRODUCT_MANAGE } from '../constants';

type Target = ProductCategory | 'new';

function CategoryModal({ target, open, onClose }: { target: Target; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<ProductCategory, 'id' | 'productCount' | 'version'>>();
  const cat = target === 'new' ? null : target;
  const save = useSaveCategory(cat?.id);
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      { ...v, inspectionChecklist: v.inspectionChecklist ?? [], ...(cat ? { version: cat.version } : {}) },
      {
        onSuccess: () => {
          message.success(t(cat ? 'common.updated' : 'common.created'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      width={640}
      title={cat ? t('category.edit') : t('category.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('category-save')}
    >
      <Form form={form} layout="vertical" initialValues={cat ?? { inspectionChecklist: [] }}>
        <Space align="start" style={{ display: 'flex' }}>
          <Form.Item name="code" label={t('category.fields.code')} rules={[required]}>
            <Input maxLength={40} data-testid="category-field-code" />
          </Form.Item>
          <Form.Item name="name" label={t('category.fields.name')} rules={[required]}>
            <Input maxLength={50} data-testid="category-field-name" />
          </Form.Item>
        </Space>
        <Form.Item label={t('category.fields.inspectionChecklist')} tooltip={t('category.checklistHint')}>
          <Form.List name="inspectionChecklist">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="category-checklist-item">
                    <span style={{ width: 20 }}>{i + 1}.</span>
                    <Form.Item name={[f.name, 'key']} rules={[required]}>
                      <Input placeholder={t('category.itemKey')} maxLength={40} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} rules={[required]}>
                      <Input placeholder={t('category.itemLabel')} maxLength={100} style={{ width: 280 }} />
                    </Form.Item>
                    <Button size="small" type="text" disabled={i === 0} onClick={() => move(i, i - 1)}>
                      ↑
                    </Button>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: `item${fields.length + 1}`, label: '' })}
                  data-testid="category-add-item"
                >
                  {t('category.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 产品分类 with each category's delivery-inspection checklist (交车/出库检验项目, SPEC 3.5). */
export function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasPermission } = useAuth();
  const canManage = hasPermission(PRODUCT_MANAGE);
  const query = useCategories();
  const del = useDeleteCategory();
  const handleError = useApiErrorHandler();
  const [target, setTarget] = useState<Target | null>(null);
  const session = useModalSession(target);

  const columns: ColumnsType<ProductCategory> = [
    { title: t('category.fields.code'), dataIndex: 'code', width: 120 },
    { title: t('category.fields.name'), dataIndex: 'name', width: 180 },
    {
      title: t('category.fields.inspectionChecklist'),
      dataIndex: 'inspectionChecklist',
      render: (items: ProductCategory['inspectionChecklist']) =>
        items.length ? items.map((i) => <Tag key={i.key}>{i.label}</Tag>) : <span>-</span>,
    },
    { title: t('category.fields.productCount'), dataIndex: 'productCount', align: 'right', width: 100 },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, c: ProductCategory) => (
              <Space>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget(c)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.deleteConfirm')}
                  onConfirm={() =>
                    del.mutate(c, {
                      onSuccess: () => message.success(t('common.deleted')),
                      onError: (e) => handleError(e),
                    })
                  }
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled={c.productCount > 0}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.productCategories')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="category-new">
              {t('category.new')}
            </Button>
          ) : null
        }
      />
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ProductCategory>
          rowKey="id"
          // Scrolls inside its box on a phone instead of pushing the page sideways.
          scroll={{ x: 'max-content' }}
          data-testid="category-table"
          loading={query.isPending}
          columns={columns}
          dataSource={query.data?.items}
          pagination={false}
        />
      )}
      {session.shown ? (
        <CategoryModal
          key={session.key}
          target={session.shown}
          open={target !== null}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </Card>
  );
}
