import { SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { type AdminApiToken, useAllApiTokens, useRevokeAnyApiToken } from '../api';
import { tokenColumns } from '../components/TokenColumns';

const STATUSES = ['active', 'expired', 'revoked'] as const;

/** 系统管理 → API 令牌: every user's tokens, with revoke (apitoken.admin). */
export function AdminApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [keywordInput, setKeywordInput] = useState('');
  const [filters, setFilters] = useState<{ keyword?: string; status?: string }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useAllApiTokens({ page, pageSize, ...filters });
  const revoke = useRevokeAnyApiToken();
  const handleError = useApiErrorHandler();

  const columns: ColumnsType<AdminApiToken> = [
    {
      title: t('integrations.tokens.user'),
      key: 'user',
      render: (_, r) => t('integrations.tokens.userName', { name: r.userName, username: r.username }),
    },
    ...tokenColumns<AdminApiToken>(t, (token) =>
      revoke.mutate(token.id, {
        onSuccess: () => message.success(t('integrations.tokens.revoked')),
        onError: (e) => handleError(e),
      }),
    ),
  ];
  const search = () => {
    setPage(1);
    setFilters((f) => ({ ...f, keyword: keywordInput.trim() || undefined }));
  };

  return (
    <Card>
      <PageHeader title={t('integrations.tokens.adminTitle')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          style={{ width: 240 }}
          placeholder={t('integrations.tokens.keywordPlaceholder')}
          value={keywordInput}
          onChange={(e) => setKeywordInput(e.target.value)}
          onPressEnter={search}
          data-testid="token-keyword"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('integrations.tokens.status')}
          value={filters.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`integrations.tokenStatus.${s}`) }))}
          onChange={(v) => {
            setPage(1);
            setFilters((f) => ({ ...f, status: v ?? undefined }));
          }}
          data-testid="token-filter-status"
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={search} data-testid="token-search">
          {t('common.search')}
        </Button>
      </Space>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<AdminApiToken>
          rowTestId="token-row"
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
    </Card>
  );
}
