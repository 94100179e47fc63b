import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { useSaveWarehouse, useWarehouses } from '../api';
import type { Warehouse } from '../types';

type Target = Warehouse | 'new';

/** 仓库设置 (stock.manage): code, name, address; a warehouse is deactivated, never deleted (stock history). */
export function WarehousesPage() {
  const { t } = useTranslation();
  const query = useWarehouses();
  const [target, setTarget] = useState<Target | null>(null);
  const label = (f: string) => t(`fields.warehouse.${f}`);
  return (
    <Card>
      <PageHeader
        title={t('menu.warehouses')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="warehouse-new">
            {t('stock.warehouseNew')}
          </Button>
        }
      />
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Warehouse>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          pagination={false}
          dataSource={query.data?.items}
          data-testid="warehouse-table"
          onRow={() => ({ 'data-testid': 'warehouse-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: label('code'), dataIndex: 'code' },
            { title: label('name'), dataIndex: 'name' },
            { title: label('address'), dataIndex: 'address', render: orDash },
            {
              title: label('active'),
              dataIndex: 'active',
              render: (v: boolean) => (
                <Tag color={v ? 'success' : 'default'}>{v ? t('stock.active') : t('stock.inactive')}</Tag>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, w) => (
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setTarget(w)}
                  data-testid="warehouse-edit"
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <WarehouseModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

function WarehouseModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const session = useModalSession(target);
  return <WarehouseModalBody key={session.key} target={session.shown} open={target !== null} onClose={onClose} />;
}

interface Values {
  code: string;
  name: string;
  address?: string;
  active: boolean;
}

function WarehouseModalBody({ target, open, onClose }: { target: Target | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const editing = target && target !== 'new' ? target : null;
  const save = useSaveWarehouse(editing?.id);
  const label = (f: string) => t(`fields.warehouse.${f}`);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = { code: v.code.trim(), name: v.name.trim(), address: v.address?.trim() || null };
    save.mutate(editing ? { ...body, active: v.active, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError: (err) => handleError(err, { form }),
    });
  };

  return (
    <Modal
      open={open}
      title={editing ? t('stock.warehouseEdit', { name: editing.name }) : t('stock.warehouseNew')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('warehouse-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing
            ? { code: editing.code, name: editing.name, address: editing.address ?? '', active: editing.active }
            : { active: true }
        }
      >
        <Form.Item name="code" label={label('code')} rules={required}>
          <Input maxLength={20} data-testid="warehouse-code" />
        </Form.Item>
        <Form.Item name="name" label={label('name')} rules={required}>
          <Input maxLength={50} data-testid="warehouse-name" />
        </Form.Item>
        <Form.Item name="address" label={label('address')}>
          <Input maxLength={200} />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={label('active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
