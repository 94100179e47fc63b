import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductLookup } from '../api';

export interface ProductOption {
  id: number;
  code: string;
  name: string;
  standardPrice?: string;
}

export interface ProductSelectProps
  extends Omit<SelectProps<number>, 'options' | 'onSearch' | 'showSearch' | 'onChange'> {
  /** Products already chosen, so their labels show before any search. */
  known?: ProductOption[];
  onChange?: (id: number, product: ProductOption | undefined) => void;
}

/** Searches active products by code prefix, barcode or name/spec (GET /api/products/lookup). */
export function ProductSelect({ known = [], onChange, ...rest }: ProductSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const lookup = useProductLookup(q);
  const found = lookup.data?.items ?? [];
  const all = [...found, ...known.filter((k) => !found.some((f) => f.id === k.id))];
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('product.searchPlaceholder')}
      loading={lookup.isFetching}
      notFoundContent={q ? t('product.noMatch') : t('product.typeToSearch')}
      options={all.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
      onChange={(id) =>
        onChange?.(
          id,
          all.find((p) => p.id === id),
        )
      }
      {...rest}
    />
  );
}
