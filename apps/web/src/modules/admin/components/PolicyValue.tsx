import { Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyValue } from '../api';

/** Read-only rendering of a policy value according to its type. */
export function PolicyValueText({ policy, value }: { policy: Pick<Policy, 'key' | 'type'>; value: PolicyValue }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <span>-</span>;
  if (policy.type === 'boolean')
    return <span>{value === true || value === 'true' ? t('common.yes') : t('common.no')}</span>;
  if (policy.type === 'enum') {
    return <span>{t(`policyOptions.${policy.key}.${String(value)}`, { defaultValue: String(value) })}</span>;
  }
  return <span>{String(value)}</span>;
}

export interface PolicyValueInputProps {
  policy: Policy;
  value: PolicyValue;
  onChange: (value: PolicyValue) => void;
}

/** Editor matching the policy type (integer / decimal / boolean / string / enum). */
export function PolicyValueInput({ policy, value, onChange }: PolicyValueInputProps) {
  const { t } = useTranslation();
  const testId = 'policy-value-input';
  switch (policy.type) {
    case 'integer':
      return (
        <InputNumber
          precision={0}
          value={value === null || value === '' ? null : Number(value)}
          onChange={(v) => onChange(v ?? null)}
          style={{ width: 160 }}
          data-testid={testId}
        />
      );
    case 'decimal':
      return (
        <InputNumber<string>
          stringMode
          value={value === null ? null : String(value)}
          onChange={(v) => onChange(v ?? null)}
          style={{ width: 160 }}
          data-testid={testId}
        />
      );
    case 'boolean':
      return (
        <Switch
          checked={value === true || value === 'true'}
          onChange={(checked) => onChange(checked)}
          data-testid={testId}
        />
      );
    case 'enum':
      return (
        <Select
          style={{ minWidth: 160 }}
          value={value === null ? undefined : String(value)}
          onChange={(v) => onChange(v)}
          data-testid={testId}
          options={(policy.options ?? []).map((o) => ({
            value: o,
            label: t(`policyOptions.${policy.key}.${o}`, { defaultValue: o }),
          }))}
        />
      );
    default:
      return (
        <Input
          value={value === null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: 240 }}
          data-testid={testId}
        />
      );
  }
}
