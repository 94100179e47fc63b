import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, type Paged } from '../../../app/api';

export interface DocRef {
  orderId?: number;
  contractId?: number;
}

interface DocOption {
  id: number;
  no: string;
  customerName?: string | null;
  title?: string | null;
}

/** Picks the order or contract a payment / invoice is against, searching by number or customer. */
export function DocumentPicker({ value, onChange }: { value?: DocRef; onChange?: (v: DocRef) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'order' | 'contract'>(value?.contractId ? 'contract' : 'order');
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const path = kind === 'order' ? '/api/orders' : '/api/contracts';
  const search = useQuery({
    queryKey: ['finance', 'doc-search', kind, keyword],
    queryFn: ({ signal }) =>
      apiFetch<Paged<DocOption>>(path, { query: { keyword: keyword || undefined, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
  const selected = kind === 'order' ? value?.orderId : value?.contractId;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        style={{ width: 110 }}
        value={kind}
        onChange={(k) => {
          setKind(k);
          onChange?.({});
        }}
        options={[
          { value: 'order', label: t('finance.doc.order') },
          { value: 'contract', label: t('finance.doc.contract') },
        ]}
        data-testid="finance-doc-kind"
      />
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setInput }}
        allowClear
        style={{ flex: 1 }}
        placeholder={t('finance.doc.search')}
        value={selected}
        loading={search.isFetching}
        onChange={(id) => onChange?.(kind === 'order' ? { orderId: id } : { contractId: id })}
        options={(search.data?.items ?? []).map((d) => ({
          value: d.id,
          label: `${d.no} ${d.customerName ?? d.title ?? ''}`,
        }))}
        data-testid="finance-doc-select"
      />
    </Space.Compact>
  );
}
