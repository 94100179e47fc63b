import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format';
import { useEventOptions } from '../api';

/**
 * Picks an approved conference-marketing event (the claim or budget is charged to it); searches
 * by theme. `current` labels a value the first page of options does not hold.
 */
export function EventSelect({
  value,
  onChange,
  current,
  placeholder,
  testId,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  current?: { id: number; theme: string } | null;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const options = useEventOptions(keyword);
  const items = options.data?.items ?? [];
  const list = items.map((e) => ({ value: e.id, label: `${e.theme}（${formatDate(e.startsAt)}）` }));
  if (current && !items.some((e) => e.id === current.id)) list.unshift({ value: current.id, label: current.theme });
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder ?? t('expenses.noEvent')}
      loading={options.isFetching}
      options={list}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
