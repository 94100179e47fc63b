import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FactValue, useFactLabel } from '../../../components/ApprovalFacts';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { OPS_BY_TYPE, opNeedsValue } from '../approvalRuleMeta';
import type { ConditionOp, ConditionValue, FactField } from '../approvalRulesApi';

interface ValueInputProps {
  def: FactField;
  op: ConditionOp;
  value?: ConditionValue;
  onChange?: (value: ConditionValue | undefined) => void;
}

/** Value editor typed by the fact: money (2-decimal string), number, percent, or enum option(s). */
function ConditionValueInput({ def, op, value, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  const testId = 'rule-cond-value';
  switch (def.type) {
    case 'money':
      return (
        <MoneyInput value={value as string | undefined} onChange={(v) => onChange?.(v ?? undefined)} testId={testId} />
      );
    case 'number':
    case 'percent':
      return (
        <InputNumber<number>
          value={value as number | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          suffix={def.type === 'percent' ? '%' : undefined}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    default:
      return (
        <Select
          mode={op === 'in' ? 'multiple' : undefined}
          value={value as string | string[] | undefined}
          onChange={(v) => onChange?.(v)}
          placeholder={t('common.pleaseSelect')}
          data-testid={testId}
          options={(def.options ?? []).map((o) => ({ value: o, label: <FactValue field={def.key} value={o} /> }))}
        />
      );
  }
}

function ConditionRowEditor({ name, fields, onRemove }: { name: number; fields: FactField[]; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const factLabel = useFactLabel();
  const fieldKey = Form.useWatch(['conditions', name, 'field'], form) as string | undefined;
  const op = Form.useWatch(['conditions', name, 'op'], form) as ConditionOp | undefined;
  const def = fields.find((f) => f.key === fieldKey);
  const required = { required: true, message: t('validation.required') };

  return (
    <Flex gap={8} align="start" data-testid="rule-cond-row">
      <Form.Item name={[name, 'field']} rules={[required]} style={{ width: 200, marginBottom: 12 }}>
        <Select
          placeholder={t('approvalRule.conditionField')}
          data-testid="rule-cond-field"
          options={fields.map((f) => ({ value: f.key, label: factLabel(f.key) }))}
          onChange={(key: string) => {
            const type = fields.find((f) => f.key === key)?.type;
            form.setFieldValue(['conditions', name, 'op'], type ? OPS_BY_TYPE[type][0] : undefined);
            form.setFieldValue(['conditions', name, 'value'], undefined);
          }}
        />
      </Form.Item>
      <Form.Item name={[name, 'op']} rules={[required]} style={{ width: 130, marginBottom: 12 }}>
        <Select
          placeholder={t('approvalRule.conditionOp')}
          data-testid="rule-cond-op"
          options={(def ? OPS_BY_TYPE[def.type] : []).map((o) => ({ value: o, label: t(`approvalRule.op.${o}`) }))}
          onChange={(next: ConditionOp) => {
            if ((next === 'in') !== (op === 'in')) form.setFieldValue(['conditions', name, 'value'], undefined);
          }}
        />
      </Form.Item>
      {def && op && opNeedsValue(op) ? (
        <Form.Item
          name={[name, 'value']}
          style={{ flex: 1, marginBottom: 12 }}
          rules={[
            required,
            {
              validator: (_, v) =>
                def.type !== 'money' || v === undefined || v === null || v === '' || normalizeMoney(v as string)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('credit.invalidAmount'))),
            },
          ]}
        >
          <ConditionValueInput def={def} op={op} />
        </Form.Item>
      ) : (
        <div style={{ flex: 1 }} />
      )}
      <Button
        icon={<DeleteOutlined />}
        onClick={onRemove}
        aria-label={t('common.delete')}
        data-testid="rule-cond-remove"
      />
    </Flex>
  );
}

/** Condition rows of a rule: all must hold for the rule to apply; none → it always applies. */
export function RuleConditionsEditor({ fields }: { fields: FactField[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="conditions">
      {(rows, { add, remove }) => (
        <>
          {rows.length === 0 ? (
            <Typography.Paragraph type="secondary" data-testid="rule-cond-none">
              {t('approvalRule.noConditions')}
            </Typography.Paragraph>
          ) : null}
          {rows.map(({ key, name }) => (
            <ConditionRowEditor key={key} name={name} fields={fields} onRemove={() => remove(name)} />
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="rule-cond-add">
            {t('approvalRule.addCondition')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
