import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/**
 * The birth date on the customer form: a date picker (no future days), or, when the user sees
 * the customer's personal data masked (1978-**-**), the mask read-only — sent back unchanged, the
 * server keeps the stored date (SPEC 1.2 masking).
 */
export function BirthDateField({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation();
  if (value?.includes('*')) return <Input value={value} disabled data-testid="customer-field-birthDate" />;
  return (
    <DatePicker
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs('1900-01-01'))}
      defaultPickerValue={dayjs().subtract(40, 'year')}
      placeholder={t('common.pleaseSelect')}
      data-testid="customer-field-birthDate"
    />
  );
}
