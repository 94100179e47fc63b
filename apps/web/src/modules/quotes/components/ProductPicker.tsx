import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductLookup } from '../api';
import type { ProductLookup } from '../types';

/** Searches products by code, name or barcode as the user types; picking one adds a line. */
export function ProductPicker({ onPick }: { onPick: (p: ProductLookup) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const search = useProductLookup(keyword);
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const items = keyword ? (search.data?.items ?? []) : [];
  return (
    <Select<number>
      value={null}
      style={{ width: 360 }}
      showSearch={{ filterOption: false, onSearch: setInput }}
      placeholder={t('quote.form.productSearch')}
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : keyword ? (
          t('quote.form.productNotFound')
        ) : (
          t('quote.form.productTypeToSearch')
        )
      }
      options={items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.spec ? ` (${p.spec})` : ''}` }))}
      onSelect={(id) => {
        const p = items.find((x) => x.id === id);
        if (p) onPick(p);
        setInput('');
      }}
      data-testid="quote-product-picker"
    />
  );
}
