import { Checkbox, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_SCOPES, type DataScope } from '../../../app/dictionaries';
import type { Grant, PermissionDef } from '../api';
import { DeptTreeSelect } from './DeptTreeSelect';

export interface GrantEditorProps {
  permissions: PermissionDef[];
  value: Grant[];
  onChange: (grants: Grant[]) => void;
  disabled?: boolean;
}

interface Row {
  key: string;
  def: PermissionDef;
  grant: Grant | undefined;
}

/** Permission matrix: a checkbox per permission and, for scoped ones, a data-scope select. */
export function GrantEditor({ permissions, value, onChange, disabled }: GrantEditorProps) {
  const { t } = useTranslation();
  const byPerm = useMemo(() => new Map(value.map((g) => [g.permission, g])), [value]);

  // The API lists permissions in a meaningful order (view, create, edit…): keep it, grouped by resource.
  const rows: Row[] = useMemo(() => {
    const resources = [...new Set(permissions.map((p) => p.resource))];
    return resources.flatMap((r) =>
      permissions
        .filter((p) => p.resource === r)
        .map((def) => ({ key: def.permission, def, grant: byPerm.get(def.permission) })),
    );
  }, [permissions, byPerm]);

  const setGrant = (permission: string, grant: Grant | null) => {
    const rest = value.filter((g) => g.permission !== permission);
    onChange(grant ? [...rest, grant] : rest);
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('admin.roles.resource'),
      dataIndex: ['def', 'resource'],
      width: 140,
      onCell: (row, index = 0) => {
        const prev = rows[index - 1];
        if (prev && prev.def.resource === row.def.resource) return { rowSpan: 0 };
        let span = 1;
        while (rows[index + span]?.def.resource === row.def.resource) span += 1;
        return { rowSpan: span };
      },
      render: (resource: string) => t(`resources.${resource}`, { defaultValue: resource }),
    },
    {
      title: t('admin.roles.permission'),
      key: 'permission',
      render: (_, row) => (
        <Checkbox
          checked={!!row.grant}
          disabled={disabled}
          data-testid={`grant-${row.def.permission}`}
          onChange={(e) =>
            setGrant(
              row.def.permission,
              e.target.checked
                ? { permission: row.def.permission, scope: row.def.scoped ? 'SELF' : 'ALL', customDeptIds: [] }
                : null,
            )
          }
        >
          <span title={row.def.permission} style={{ whiteSpace: 'nowrap' }}>
            {t(`permissions.${row.def.permission}`, { defaultValue: row.def.permission })}
          </span>
        </Checkbox>
      ),
    },
    {
      title: t('admin.roles.scope'),
      key: 'scope',
      width: 460,
      render: (_, row) => {
        if (!row.def.scoped) return <Typography.Text type="secondary">-</Typography.Text>;
        const g = row.grant;
        return (
          <Space wrap>
            <Select<DataScope>
              style={{ width: 160 }}
              disabled={disabled || !g}
              value={g?.scope}
              data-testid={`scope-${row.def.permission}`}
              placeholder={t('admin.roles.scope')}
              options={DATA_SCOPES.map((s) => ({ value: s, label: t(`dict.scope.${s}`) }))}
              onChange={(scope) =>
                g &&
                setGrant(row.def.permission, { ...g, scope, customDeptIds: scope === 'CUSTOM' ? g.customDeptIds : [] })
              }
            />
            {g?.scope === 'CUSTOM' ? (
              <DeptTreeSelect
                style={{ width: 300 }}
                multiple
                maxTagCount="responsive"
                placeholder={t('admin.roles.customDepts')}
                status={g.customDeptIds.length ? undefined : 'warning'}
                title={g.customDeptIds.length ? undefined : t('admin.roles.customDeptsRequired')}
                disabled={disabled}
                value={g.customDeptIds}
                onChange={(ids) => setGrant(row.def.permission, { ...g, customDeptIds: (ids as number[]) ?? [] })}
                testId={`custom-depts-${row.def.permission}`}
              />
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <Table<Row>
      data-testid="grant-editor"
      size="small"
      bordered
      pagination={false}
      // Scrolls inside its box on a phone instead of pushing the page sideways.
      scroll={{ x: 'max-content' }}
      rowKey="key"
      columns={columns}
      dataSource={rows}
      onRow={() => ({ 'data-testid': 'grant-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
