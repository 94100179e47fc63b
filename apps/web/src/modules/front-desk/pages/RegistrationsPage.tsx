import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { type Registration, type RegistrationFilters, useRegistrations } from '../api';
import { RegistrationFilterBar } from '../components/RegistrationFilterBar';
import { useRegistrationColumns } from '../components/registrationColumns';

const FILTER_KEYS = [
  'keyword',
  'from',
  'to',
  'kind',
  'channel',
  'routeReason',
  'routedToId',
  'survey',
  'conflict',
] as const;

function readFilters(sp: URLSearchParams): RegistrationFilters {
  const f: RegistrationFilters = {};
  for (const key of FILTER_KEYS) {
    const v = sp.get(key);
    if (!v) continue;
    if (key === 'routedToId') f.routedToId = Number(v);
    else f[key] = v;
  }
  return f;
}

/** 登记记录: every call and visit the desk registered, within the user's scope. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = useMemo(() => readFilters(sp), [sp]);
  const query = useRegistrations({ ...filters, page, pageSize });
  const columns = useRegistrationColumns();

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onSearch = (f: RegistrationFilters) => {
    const changes: UrlPatch = {};
    for (const key of FILTER_KEYS) changes[key] = f[key];
    update(changes);
  };

  return (
    <Card>
      <PageHeader title={t('menu.registrations')} />
      <RegistrationFilterBar value={filters} onSearch={onSearch} />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<Registration>
          data-testid="fd-registrations"
          rowTestId="fd-registration-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/front-desk/registrations/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
