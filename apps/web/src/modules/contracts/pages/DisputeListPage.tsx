import { Card, Pagination, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { useDisputeList } from '../api';
import { DisputeTable } from '../components/ContractTabs';

/** 合同纠纷: open (or resolved) disputes across the contracts in scope, with their handlers. */
export function DisputeListPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [page, setPage] = useState(1);
  const query = useDisputeList({ status, page, pageSize: 20 });
  return (
    <Card>
      <PageHeader
        title={t('menu.contractDisputes')}
        extra={
          <Segmented<'open' | 'resolved'>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 'open', label: t('contract.disputeStatus.open') },
              { value: 'resolved', label: t('contract.disputeStatus.resolved') },
            ]}
          />
        }
      />
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DisputeTable items={query.data?.items ?? []} showContract />
      )}
      <Pagination
        style={{ marginTop: 12, textAlign: 'right' }}
        current={page}
        pageSize={20}
        total={query.data?.total ?? 0}
        onChange={setPage}
        showSizeChanger={false}
      />
    </Card>
  );
}
