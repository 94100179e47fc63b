import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Space, Spin, Typography } from 'antd';
import { type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { lookupProducts, useAvailability, useProductLookup } from '../api';
import { formatQty } from '../format';
import type { ProductOption } from '../types';

export interface ProductSearchBoxProps {
  /** Called with the product the user picked (Enter on the highlighted one, click, or a scanned code). */
  onPick: (product: ProductOption) => void;
  warehouseId?: number | null;
  inputRef?: Ref<{ focus: () => void }>;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
}

/** An exact code or barcode match, else the only result (scanners type the code and press Enter at once). */
function exactMatch(items: ProductOption[], text: string): ProductOption | undefined {
  const q = text.trim().toLowerCase();
  return (
    items.find((p) => p.code.toLowerCase() === q || (p.barcode ?? '').toLowerCase() === q) ??
    (items.length === 1 ? items[0] : undefined)
  );
}

/**
 * Keyboard-first product lookup (SPEC 3.4 quick order entry): type a code, model, name or barcode;
 * results show price and available stock; ↑/↓ move, Enter adds the highlighted product.
 */
export function ProductSearchBox({
  onPick,
  warehouseId,
  inputRef,
  placeholder,
  testId = 'product-search',
  autoFocus,
}: ProductSearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [keyword, setKeyword] = useState('');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setKeyword(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useProductLookup(keyword);
  const items = keyword && keyword === text.trim() ? (search.data?.items ?? []) : [];
  const stock = useAvailability(
    items.map((p) => p.id),
    warehouseId,
  );
  const avail = new Map((stock.data?.items ?? []).map((a) => [a.productId, a.available]));

  const pick = (p: ProductOption) => {
    onPick(p);
    setText('');
    setKeyword('');
    setOpen(false);
  };

  // Enter before the debounced search has answered (a scanner): look the text up now.
  const onEnterEarly = async () => {
    const q = text.trim();
    if (!q) return;
    const res = await lookupProducts(q);
    const hit = exactMatch(res.items, q);
    if (hit) pick(hit);
    else setKeyword(q);
  };

  const options = items.map((p) => ({
    value: String(p.id),
    label: (
      <div data-testid="product-option" style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
        <span>
          <Typography.Text strong>{p.code}</Typography.Text> {p.name}
          {p.spec ? <Typography.Text type="secondary"> {p.spec}</Typography.Text> : null}
        </span>
        <Space size={12}>
          <MoneyText value={p.standardPrice} />
          <Typography.Text type={Number(avail.get(p.id) ?? 0) > 0 ? 'success' : 'danger'}>
            {t('stock.availableShort', { qty: formatQty(avail.get(p.id)), unit: p.unit })}
          </Typography.Text>
        </Space>
      </div>
    ),
  }));

  return (
    <AutoComplete
      value={text}
      open={open && (options.length > 0 || search.isFetching || Boolean(keyword))}
      onOpenChange={setOpen}
      options={options}
      defaultActiveFirstOption
      showSearch={{
        filterOption: false,
        onSearch: (v) => {
          setText(v);
          setOpen(true);
        },
      }}
      onSelect={(value: string) => {
        const p = items.find((i) => String(i.id) === value);
        if (p) pick(p);
      }}
      notFoundContent={search.isFetching ? <Spin size="small" /> : keyword ? t('stock.productNotFound') : null}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    >
      <Input
        ref={inputRef as Ref<never>}
        prefix={<SearchOutlined />}
        placeholder={placeholder ?? t('stock.productSearchPlaceholder')}
        autoFocus={autoFocus}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          // Enter picks a product; it must not submit the surrounding form.
          e.preventDefault();
          if (options.length === 0) void onEnterEarly();
        }}
      />
    </AutoComplete>
  );
}
