import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiFetch, type ItemsResponse } from '../app/api';

export interface UserOption {
  id: number;
  name: string;
  deptName: string | null;
}

export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => apiFetch<ItemsResponse<UserOption>>('/api/users/options'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export interface UserSelectProps extends Omit<SelectProps<number>, 'options' | 'loading'> {
  testId?: string;
  /** Exclude a user (e.g. the current owner in a transfer). */
  excludeId?: number | null;
}

/** User picker backed by GET /api/users/options (owner, transfer target, manager...). */
export function UserSelect({ testId, excludeId, ...rest }: UserSelectProps) {
  const { t } = useTranslation();
  const { data, isLoading } = useUserOptions();
  const options = (data?.items ?? [])
    .filter((u) => u.id !== excludeId)
    .map((u) => ({
      value: u.id,
      label: u.deptName ? t('common.nameWithDept', { name: u.name, dept: u.deptName }) : u.name,
    }));
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pleaseSelect')}
      loading={isLoading}
      options={options}
      data-testid={testId}
      {...rest}
    />
  );
}
