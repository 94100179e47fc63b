import { Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyValue } from '../api';
import { policyOptionKey, policyUnit } from '../policyMeta';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Read-only rendering of a policy value according to its type and unit ("30 天", "50.00 元/天", "星期一"). */
export function PolicyValueText({ policy, value }: { policy: Pick<Policy, 'key' | 'type'>; value: PolicyValue }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <span>-</span>;
  if (policy.type === 'boolean')
    return <span>{value === true || value === 'true' ? t('common.yes') : t('common.no')}</span>;
  if (policy.type === 'enum') {
    return <span>{t(policyOptionKey(policy.key, String(value)), { defaultValue: String(value) })}</span>;
  }
  const unit = policyUnit(policy.key);
  if (unit === 'weekday') return <span>{t(`weekday.${String(value)}`, { defaultValue: String(value) })}</span>;
  if (unit) {
    return (
      <span>
        {t(`policyValue.${unit}`, { value: String(value), count: Number(value), defaultValue: String(value) })}
      </span>
    );
  }
  return <span>{String(value)}</span>;
}

/** Short unit for an input suffix or a range ("天", "days"). */
export function usePolicyUnitLabel() {
  const { t } = useTranslation();
  return (key: string, count: number) => {
    const unit = policyUnit(key);
    return unit && unit !== 'weekday' ? t(`policyUnit.${unit}`, { count, defaultValue: '' }) : '';
  };
}

export interface PolicyValueInputProps {
  policy: Policy;
  value: PolicyValue;
  onChange: (value: PolicyValue) => void;
  invalid?: boolean;
}

/** Editor matching the policy type (integer / decimal / boolean / enum), bounded by the policy's min/max. */
export function PolicyValueInput({ policy, value, onChange, invalid }: PolicyValueInputProps) {
  const { t } = useTranslation();
  const unitLabel = usePolicyUnitLabel();
  const testId = 'policy-value-input';
  const status = invalid ? 'error' : undefined;
  const suffix = unitLabel(policy.key, Number(value) || 0) || undefined;
  if (policy.type === 'integer' && policyUnit(policy.key) === 'weekday') {
    return (
      <Select<number>
        style={{ width: 160 }}
        value={value === null || value === '' ? undefined : Number(value)}
        onChange={(v) => onChange(v)}
        data-testid={testId}
        options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekday.${d}`) }))}
      />
    );
  }
  switch (policy.type) {
    case 'integer':
      return (
        <InputNumber<number>
          precision={0}
          min={policy.min === undefined || policy.min === null ? undefined : Number(policy.min)}
          max={policy.max === undefined || policy.max === null ? undefined : Number(policy.max)}
          value={value === null || value === '' ? null : Number(value)}
          onChange={(v) => onChange(v ?? null)}
          suffix={suffix}
          status={status}
          style={{ width: 170 }}
          autoFocus
          data-testid={testId}
        />
      );
    case 'decimal':
      return (
        <InputNumber<string>
          stringMode
          precision={2}
          step="1"
          min={policy.min === undefined || policy.min === null ? undefined : String(policy.min)}
          max={policy.max === undefined || policy.max === null ? undefined : String(policy.max)}
          value={value === null ? null : String(value)}
          onChange={(v) => onChange(v ?? null)}
          suffix={suffix}
          status={status}
          style={{ width: 190 }}
          autoFocus
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
          style={{ width: 195 }}
          popupMatchSelectWidth={false}
          value={value === null ? undefined : String(value)}
          onChange={(v) => onChange(v)}
          data-testid={testId}
          options={(policy.options ?? []).map((o) => ({
            value: o,
            label: t(policyOptionKey(policy.key, o), { defaultValue: o }),
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
