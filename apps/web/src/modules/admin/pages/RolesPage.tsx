import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Input, Menu, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { type Grant, type Role, usePermissions, useRoles, useSaveRole } from '../api';
import { GrantEditor } from '../components/GrantEditor';
import { RoleCreateModal } from '../components/RoleCreateModal';

function RoleEditor({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const permissions = usePermissions();
  const save = useSaveRole();
  const handleError = useApiErrorHandler();
  const [name, setName] = useState(role.name);
  const [grants, setGrants] = useState<Grant[]>(role.grants);

  useEffect(() => {
    setName(role.name);
    setGrants(role.grants);
  }, [role]);

  const customMissing = grants.some((g) => g.scope === 'CUSTOM' && g.customDeptIds.length === 0);

  if (permissions.isError)
    return <QueryErrorResult error={permissions.error} onRetry={() => void permissions.refetch()} />;

  const onSave = () =>
    save.mutate(
      { id: role.id, name: name.trim(), grants, version: role.version },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (e) => handleError(e, { onStale: () => window.location.reload() }),
      },
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text type="secondary">{t('common.colonLabel', { label: t('fields.role.code') })}</Typography.Text>
        <Typography.Text code data-testid="role-code-text">
          {role.code}
        </Typography.Text>
        <Typography.Text type="secondary">{t('common.colonLabel', { label: t('fields.role.name') })}</Typography.Text>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          style={{ width: 220 }}
          data-testid="role-edit-name"
        />
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          disabled={!name.trim() || customMissing}
          onClick={onSave}
          data-testid="role-save"
        >
          {t('common.save')}
        </Button>
        {customMissing ? (
          <Typography.Text type="warning">{t('admin.roles.customDeptsRequired')}</Typography.Text>
        ) : null}
      </Space>
      {permissions.isPending ? (
        <Skeleton active />
      ) : (
        <GrantEditor permissions={permissions.data.items} value={grants} onChange={setGrants} />
      )}
    </Space>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  if (roles.isError) return <QueryErrorResult error={roles.error} onRetry={() => void roles.refetch()} />;
  const items = roles.data?.items ?? [];
  const selected = items.find((r) => r.id === selectedId) ?? items[0];

  return (
    <Card>
      <PageHeader
        title={t('menu.roles')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="role-new">
            {t('admin.roles.new')}
          </Button>
        }
      />
      {roles.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty />
      ) : (
        <Row gutter={24}>
          <Col xs={24} md={6}>
            <Menu
              data-testid="role-list"
              mode="inline"
              selectedKeys={selected ? [String(selected.id)] : []}
              onClick={({ key }) => setSelectedId(Number(key))}
              items={items.map((r) => ({
                key: String(r.id),
                label: <span data-testid="role-item">{r.name}</span>,
              }))}
            />
          </Col>
          <Col xs={24} md={18}>
            {selected ? <RoleEditor key={selected.id} role={selected} /> : null}
          </Col>
        </Row>
      )}
      <RoleCreateModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created?.id) setSelectedId(created.id);
        }}
      />
    </Card>
  );
}
