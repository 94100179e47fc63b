import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { orDash } from '../../../components/format';
import { buttonTestId } from '../../../components/testId';
import { type Contact, useContacts, useDeleteContact } from '../api';
import { ContactModal } from './ContactModal';

export function ContactsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasPermission } = useAuth();
  const canEdit = hasPermission('customer.edit');
  const query = useContacts(customerId);
  const del = useDeleteContact(customerId);
  const handleError = useApiErrorHandler();
  const [target, setTarget] = useState<Contact | 'new' | null>(null);

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const label = (f: string) => t(`fields.contact.${f}`);
  const columns: ColumnsType<Contact> = [
    {
      title: label('name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Space>
          {name}
          {r.isPrimary ? <StarFilled style={{ color: '#faad14' }} title={label('isPrimary')} /> : null}
        </Space>
      ),
    },
    { title: label('title'), dataIndex: 'title', render: orDash },
    { title: label('mobile'), dataIndex: 'mobile', render: orDash },
    { title: label('email'), dataIndex: 'email', render: orDash },
    { title: label('wechat'), dataIndex: 'wechat', render: orDash },
    { title: label('remark'), dataIndex: 'remark', render: orDash },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Space>
          <Button type="link" size="small" onClick={() => setTarget(r)} data-testid="contact-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('common.deleteConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...buttonTestId('contact-delete-confirm'), danger: true }}
            onConfirm={() =>
              del.mutate(
                { id: r.id, version: r.version },
                { onSuccess: () => message.success(t('common.deleted')), onError: (e) => handleError(e) },
              )
            }
          >
            <Button type="link" size="small" danger data-testid="contact-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      {canEdit ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="contact-add">
            {t('contact.add')}
          </Button>
        </Flex>
      ) : null}
      <DataTable<Contact>
        rowTestId="contact-row"
        columns={columns}
        items={query.data?.items}
        loading={query.isPending}
        data-testid="contacts-table"
      />
      <ContactModal customerId={customerId} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
