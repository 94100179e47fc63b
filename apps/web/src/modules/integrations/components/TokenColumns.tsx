import { Button, Popconfirm, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import type { ApiToken } from '../api';
import { TOKEN_STATUS_COLORS } from '../labels';

/** The columns both token lists share: name, prefix, dates, status and the revoke action. */
export function tokenColumns<T extends ApiToken>(t: TFunction, onRevoke: (token: T) => void): ColumnsType<T> {
  const label = (f: string) => t(`integrations.tokens.${f}`);
  return [
    { title: label('name'), dataIndex: 'name' },
    {
      title: label('prefix'),
      dataIndex: 'prefix',
      render: (p: string) => <Typography.Text code>{`${p}…`}</Typography.Text>,
    },
    { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: label('expiresOn'),
      dataIndex: 'expiresOn',
      render: (v: string | null) => v ?? label('never'),
    },
    {
      title: label('lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : label('neverUsed')),
    },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (s: string) => <StatusTag dict="integrations.tokenStatus" value={s} colors={TOKEN_STATUS_COLORS} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'active' ? (
          <Popconfirm
            title={label('revokeConfirm')}
            okText={label('revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(r)}
          >
            <Button type="link" size="small" danger data-testid="token-revoke">
              {label('revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
}
