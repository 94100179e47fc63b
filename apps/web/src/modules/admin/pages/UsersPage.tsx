import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { type AdminUser, useAdminUsers, useRoles, useUnlockUser } from '../api';
import { DeptTreeSelect } from '../components/DeptTreeSelect';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserModal } from '../components/UserModal';

export function UsersPage() {
  const { t } = useTranslation();
  const [keywordInput, setKeywordInput] = useState('');
  const [filters, setFilters] = useState<{ keyword?: string; deptId?: number }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const query = useAdminUsers({ page, pageSize, ...filters });
  const roles = useRoles();
  const unlock = useUnlockUser();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const roleName = (code: string) => roles.data?.items.find((r) => r.code === code)?.name ?? code;

  const label = (f: string) => t(`fields.user.${f}`);
  const columns: ColumnsType<AdminUser> = [
    { title: label('username'), dataIndex: 'username' },
    { title: label('name'), dataIndex: 'name' },
    { title: label('mobile'), dataIndex: 'mobile', render: orDash },
    { title: label('deptName'), dataIndex: 'deptName', render: orDash },
    { title: label('managerName'), dataIndex: 'managerName', render: orDash },
    {
      title: label('roles'),
      dataIndex: 'roles',
      render: (codes: string[]) => (
        <Space size={[0, 4]} wrap>
          {codes.map((c) => (
            <Tag key={c}>{roleName(c)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: label('active'),
      dataIndex: 'active',
      render: (active: boolean, r) => (
        <Space size={[0, 4]} wrap>
          {active ? <Tag color="green">{t('admin.users.active')}</Tag> : <Tag>{t('admin.users.inactive')}</Tag>}
          {r.locked && (
            <Tag color="red" data-testid="user-locked">
              {t('admin.users.locked')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="user-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(r)} data-testid="user-reset-password">
            {t('admin.users.resetPassword')}
          </Button>
          {r.locked && (
            <Popconfirm
              title={t('admin.users.unlockConfirm', { name: r.name })}
              onConfirm={() =>
                unlock.mutate(r.id, {
                  onSuccess: () => void message.success(t('admin.users.unlocked')),
                  onError: (e) => handleError(e),
                })
              }
            >
              <Button type="link" size="small" data-testid="user-unlock">
                {t('admin.users.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-new">
            {t('admin.users.new')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          style={{ width: 240 }}
          placeholder={t('admin.users.keywordPlaceholder')}
          value={keywordInput}
          onChange={(e) => setKeywordInput(e.target.value)}
          onPressEnter={() => {
            setPage(1);
            setFilters((f) => ({ ...f, keyword: keywordInput.trim() || undefined }));
          }}
          data-testid="user-keyword"
        />
        <DeptTreeSelect
          style={{ width: 220 }}
          placeholder={label('deptName')}
          value={filters.deptId}
          onChange={(v) => {
            setPage(1);
            setFilters((f) => ({ ...f, deptId: (v as number | undefined) ?? undefined }));
          }}
          testId="user-filter-dept"
        />
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => {
            setPage(1);
            setFilters((f) => ({ ...f, keyword: keywordInput.trim() || undefined }));
          }}
          data-testid="user-search"
        >
          {t('common.search')}
        </Button>
      </Space>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<AdminUser>
          rowTestId="user-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onPageChange={(p, ps) => {
            setPage(p);
            setPageSize(ps);
          }}
        />
      )}
      <UserModal target={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
