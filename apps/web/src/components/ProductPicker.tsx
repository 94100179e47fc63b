import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { apiFetch, type ItemsResponse } from '../app/api';
import type { ProductFacts } from './pricedLines';

export interface ProductPickerProps<P extends ProductFacts> {
  onPick: (p: P) => void;
  placeholder: string;
  testId: string;
  /** Shown when a search finds nothing / before anything is typed. */
  notFoundText?: string;
  typeToSearchText?: string;
}

/** Searches products by code, name or barcode as the user types (GET /api/products/lookup); picking one adds a line. */
export function ProductPicker<P extends ProductFacts = ProductFacts>({
  onPick,
  placeholder,
  testId,
  notFoundText,
  typeToSearchText,
}: ProductPickerProps<P>) {
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const search = useQuery({
    queryKey: ['products', 'lookup', keyword],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<P>>('/api/products/lookup', { query: { q: keyword }, signal }),
    enabled: keyword.length > 0,
    staleTime: 30_000,
  });
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const items = keyword ? (search.data?.items ?? []) : [];
  return (
    <Select<number>
      value={null}
      // 360 px, or the width there is (a phone).
      style={{ width: 360, maxWidth: '100%' }}
      showSearch={{ filterOption: false, onSearch: setInput }}
      placeholder={placeholder}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : ((keyword ? notFoundText : typeToSearchText) ?? null)
      }
      options={items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.spec ? ` (${p.spec})` : ''}` }))}
      onSelect={(id) => {
        const p = items.find((x) => x.id === id);
        if (p) onPick(p);
        setInput('');
      }}
      data-testid={testId}
    />
  );
}
