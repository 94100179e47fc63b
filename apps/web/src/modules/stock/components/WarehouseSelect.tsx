import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../api';

export interface WarehouseSelectProps extends Omit<SelectProps<number>, 'options' | 'loading'> {
  testId?: string;
  /** Offer inactive warehouses too (filters of history lists). */
  includeInactive?: boolean;
}

/** Warehouse picker backed by GET /api/warehouses. */
export function WarehouseSelect({ testId, includeInactive = false, ...rest }: WarehouseSelectProps) {
  const { t } = useTranslation();
  const query = useWarehouses();
  const options = (query.data?.items ?? [])
    .filter((w) => includeInactive || w.active)
    .map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }));
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pleaseSelect')}
      loading={query.isLoading}
      options={options}
      data-testid={testId}
      {...rest}
    />
  );
}
