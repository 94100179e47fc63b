import { Drawer, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDateTime, orDash } from '../../../components/format';
import { useDrawerSize } from '../../../components/useIsMobile';
import { type Policy, type PolicyHistoryEntry, usePolicyHistory } from '../api';
import { policyLabel } from '../policyMeta';
import { PolicyValueText } from './PolicyValue';

export function PolicyHistoryDrawer({ policy, onClose }: { policy: Policy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const drawerSize = useDrawerSize(640);
  const history = usePolicyHistory(policy?.key ?? null);

  const columns: ColumnsType<PolicyHistoryEntry> = policy
    ? [
        { title: t('admin.policies.changedAt'), dataIndex: 'at', render: formatDateTime },
        { title: t('admin.policies.actor'), dataIndex: 'actorName', render: orDash },
        {
          title: t('admin.policies.oldValue'),
          dataIndex: 'old',
          render: (v) => <PolicyValueText policy={policy} value={v} />,
        },
        {
          title: t('admin.policies.newValue'),
          dataIndex: 'new',
          render: (v) => <PolicyValueText policy={policy} value={v} />,
        },
      ]
    : [];

  return (
    <Drawer
      open={policy !== null}
      onClose={onClose}
      size={drawerSize}
      title={policy ? t('admin.policies.historyTitle', { name: policyLabel(t, policy.key) }) : ''}
      destroyOnHidden
    >
      {history.isError ? (
        <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Table<PolicyHistoryEntry>
          data-testid="policy-history"
          size="small"
          rowKey={(r) => `${r.at}-${String(r.new)}`}
          loading={history.isPending && !!policy}
          columns={columns}
          dataSource={history.data?.items ?? []}
          pagination={false}
        />
      )}
    </Drawer>
  );
}
