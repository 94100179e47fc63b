import { InputNumber, type InputNumberProps } from 'antd';

/** A decimal string with exactly 2 places ("200000.00"), or null when the input is not an amount. */
export function normalizeMoney(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(String(value).trim().replace(/,/g, ''));
  if (!m) return null;
  return `${m[1].replace(/^0+(?=\d)/, '')}.${(m[2] ?? '').padEnd(2, '0')}`;
}

function groupThousands(value: string | undefined): string {
  if (!value) return '';
  const [int, dec] = value.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec === undefined ? grouped : `${grouped}.${dec}`;
}

export interface MoneyInputProps extends Omit<InputNumberProps<string>, 'stringMode' | 'precision'> {
  testId?: string;
}

/** Amount input: a string (never a float) with 2 decimals, grouped thousands and a ¥ prefix. */
export function MoneyInput({ testId, style, ...rest }: MoneyInputProps) {
  return (
    <InputNumber<string>
      stringMode
      precision={2}
      min="0"
      max="9999999999999999.99"
      prefix="¥"
      formatter={(v) => groupThousands(v === undefined ? undefined : String(v))}
      parser={(v) => (v ?? '').replace(/[,\s¥]/g, '')}
      style={{ width: '100%', ...style }}
      data-testid={testId}
      {...rest}
    />
  );
}
