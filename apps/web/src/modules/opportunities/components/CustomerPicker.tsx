import { Select, type SelectProps, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerOption, useCustomerSearch } from '../api';

export interface CustomerPickerProps extends Omit<SelectProps<number>, 'options' | 'showSearch' | 'loading'> {
  /** The customer already chosen (edit), shown before any search. */
  initialOption?: CustomerOption | null;
  testId?: string;
}

/** Customer picker searching GET /api/customers/search as the user types (number or name). */
export function CustomerPicker({ initialOption, testId, ...rest }: CustomerPickerProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const search = useCustomerSearch(keyword);

  // Debounce: search once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);

  const found = keyword ? (search.data?.items ?? []) : [];
  const all = initialOption && !found.some((c) => c.id === initialOption.id) ? [initialOption, ...found] : found;
  const options = all.map((c) => ({ value: c.id, label: t('opportunity.customerOption', { name: c.name, no: c.no }) }));

  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      placeholder={t('opportunity.customerSearchPlaceholder')}
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : keyword ? (
          t('opportunity.customerNotFound')
        ) : (
          t('opportunity.customerTypeToSearch')
        )
      }
      options={options}
      data-testid={testId}
      {...rest}
    />
  );
}
