import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { type ApiToken, useMyApiTokens, useRevokeMyApiToken } from '../api';
import { CreateTokenModal } from '../components/CreateTokenModal';
import { tokenColumns } from '../components/TokenColumns';

/** API 令牌: the signed-in user's personal tokens for integrations (SPEC 1.11). */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const query = useMyApiTokens();
  const revoke = useRevokeMyApiToken();
  const handleError = useApiErrorHandler();

  const columns = tokenColumns<ApiToken>(t, (token) =>
    revoke.mutate(token.id, {
      onSuccess: () => message.success(t('integrations.tokens.revoked')),
      onError: (e) => handleError(e),
    }),
  );

  return (
    <Card>
      <PageHeader
        title={t('integrations.tokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-new">
            {t('integrations.tokens.new')}
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('integrations.tokens.intro')}
        description={
          <Typography.Text>
            {t('integrations.tokens.usage')} <Typography.Text code>Authorization: Bearer sst_…</Typography.Text>
          </Typography.Text>
        }
      />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<ApiToken>
          rowTestId="token-row"
          columns={columns}
          items={query.data?.items}
          loading={query.isFetching}
          locale={{ emptyText: t('integrations.tokens.empty') }}
        />
      )}
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
