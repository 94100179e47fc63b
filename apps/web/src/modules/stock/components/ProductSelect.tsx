import { Select, type SelectProps, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductSearch } from '../api';
import type { ProductOption } from '../types';

export interface ProductSelectProps
  extends Omit<SelectProps<number>, 'options' | 'showSearch' | 'loading' | 'onChange'> {
  onChange?: (id: number | undefined, product: ProductOption | undefined) => void;
  testId?: string;
}

/** Product picker searching GET /api/products by code, model, name or barcode as the user types. */
export function ProductSelect({ onChange, testId, ...rest }: ProductSelectProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [chosen, setChosen] = useState<ProductOption | undefined>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useProductSearch(keyword);
  const found = keyword ? (search.data?.items ?? []) : [];
  const all = chosen && !found.some((p) => p.id === chosen.id) ? [chosen, ...found] : found;
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      placeholder={t('stock.productSearchPlaceholder')}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : keyword ? t('stock.productNotFound') : t('stock.typeToSearch')
      }
      options={all.map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.spec ? ` ${p.spec}` : ''}` }))}
      onChange={(id) => {
        const p = all.find((x) => x.id === id);
        setChosen(p);
        onChange?.(id ?? undefined, p);
      }}
      data-testid={testId}
      {...rest}
    />
  );
}
