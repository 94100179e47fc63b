import { DeleteOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, List, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import {
  type SavedCustomerFilter,
  useDeleteCustomerFilter,
  useSaveCustomerFilter,
  useSavedCustomerFilters,
  useUpdateCustomerFilter,
} from '../savedFiltersApi';

interface Props {
  /** The list's current filters, as its URL carries them (empty values left out). */
  current: Record<string, string>;
  onApply: (filter: Record<string, string>) => void;
}

/**
 * 保存筛选 and the saved-filter picker of the customer list (issue 14 item 3): the current filters
 * saved under a name, private or shared read-only with the department; applying one replaces the
 * list's filters. Only one's own filters can be renamed or deleted (管理).
 */
export function SavedCustomerFilters({ current, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const list = useSavedCustomerFilters();
  const save = useSaveCustomerFilter();
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const items = list.data?.items ?? [];
  const empty = Object.keys(current).length === 0;

  const submit = (v: { name: string; shared: boolean }) =>
    save.mutate(
      { name: v.name.trim(), shared: !!v.shared, filter: current },
      {
        onSuccess: (f) => {
          message.success(t('customer.savedFilters.saved', { name: f.name }));
          setSaving(false);
          form.resetFields();
        },
        onError: (e) => handleError(e, { form }),
      },
    );

  return (
    <Space wrap size={8} data-testid="customer-saved-filters">
      <Select<number>
        style={{ minWidth: 180 }}
        placeholder={t('customer.savedFilters.pick')}
        value={null}
        loading={list.isLoading}
        notFoundContent={t('customer.savedFilters.none')}
        data-testid="customer-saved-filter-pick"
        onChange={(id) => {
          const f = items.find((x) => x.id === id);
          if (f) onApply(f.filter);
        }}
        options={items.map((f) => ({
          value: f.id,
          label: f.mine ? f.name : `${f.name} · ${f.ownerName}`,
        }))}
      />
      <Button
        icon={<SaveOutlined />}
        disabled={empty}
        title={empty ? t('customer.savedFilters.empty') : undefined}
        onClick={() => setSaving(true)}
        data-testid="customer-save-filter"
      >
        {t('customer.savedFilters.save')}
      </Button>
      {items.some((f) => f.mine) ? (
        <Button
          icon={<SettingOutlined />}
          onClick={() => setManaging(true)}
          aria-label={t('customer.savedFilters.manage')}
          data-testid="customer-manage-filters"
        />
      ) : null}
      <Modal
        open={saving}
        title={t('customer.savedFilters.saveTitle')}
        onCancel={() => setSaving(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ shared: false }}>
          <Form.Item
            name="name"
            label={t('customer.savedFilters.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={50} data-testid="customer-save-filter-name" />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked" extra={t('customer.savedFilters.sharedHint')}>
            <Checkbox data-testid="customer-save-filter-shared">{t('customer.savedFilters.shared')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={managing}
        title={t('customer.savedFilters.pick')}
        footer={null}
        onCancel={() => setManaging(false)}
        destroyOnHidden
      >
        <List
          dataSource={items.filter((f) => f.mine)}
          locale={{ emptyText: t('customer.savedFilters.none') }}
          renderItem={(f) => <ManageRow key={f.id} filter={f} />}
        />
      </Modal>
    </Space>
  );
}

/** One own saved filter in 管理: rename, share or not, delete. */
function ManageRow({ filter: f }: { filter: SavedCustomerFilter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const update = useUpdateCustomerFilter();
  const remove = useDeleteCustomerFilter();
  const [name, setName] = useState(f.name);
  const [shared, setShared] = useState(f.shared);
  const changed = name.trim() !== f.name || shared !== f.shared;
  return (
    <List.Item data-testid="customer-saved-filter-row">
      <Space wrap size={8} style={{ width: '100%' }}>
        <Input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
        <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)}>
          {t('customer.savedFilters.shared')}
        </Checkbox>
        <Button
          size="small"
          type="primary"
          disabled={!changed || !name.trim()}
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { id: f.id, name: name.trim(), shared, version: f.version },
              { onSuccess: () => message.success(t('customer.savedFilters.renamed')), onError: (e) => handleError(e) },
            )
          }
        >
          {t('common.save')}
        </Button>
        {f.shared ? <Tag color="blue">{t('customer.savedFilters.sharedTag')}</Tag> : null}
        <Popconfirm
          title={t('customer.savedFilters.deleteConfirm', { name: f.name })}
          onConfirm={() =>
            remove.mutate(
              { id: f.id, version: f.version },
              {
                onSuccess: () => message.success(t('customer.savedFilters.deleted', { name: f.name })),
                onError: (e) => handleError(e),
              },
            )
          }
        >
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('customer.savedFilters.delete')} />
        </Popconfirm>
      </Space>
    </List.Item>
  );
}
