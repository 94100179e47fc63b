import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiFetch, type ItemsResponse } from '../../../app/api';

/** A department picker over GET /api/departments (the audited department, a document's owner). */
export function DeptSelect(props: Omit<SelectProps<number>, 'options' | 'loading'>) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<{ id: number; name: string }>>('/api/departments', { signal }),
    staleTime: 60_000,
  });
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pleaseSelect')}
      loading={q.isLoading}
      options={(q.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
      {...props}
    />
  );
}
