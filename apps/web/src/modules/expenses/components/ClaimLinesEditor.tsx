import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EXPENSE_CATEGORIES, isAmount, money, toMoneyString } from '@sales/core';
import { Button, DatePicker, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { useIsMobile } from '../../../components/useIsMobile';

/** The sum of the lines' amounts, exact (decimal strings, never floats). */
export function linesTotal(lines: { amount?: string | null }[] | undefined): string {
  return toMoneyString(
    (lines ?? []).reduce((s, l) => (l?.amount && isAmount(l.amount) ? s.plus(l.amount) : s), money(0)),
  );
}

/**
 * The expense lines of a claim (seed 001 费用报销 1: 注明费用用途、金额、时间): category, amount,
 * day spent (never after today) and what for; one row per line on a desktop, stacked on a phone.
 */
export function ClaimLinesEditor() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const f = (k: string) => t(`expenses.fields.${k}`);
  const lines = Form.useWatch('lines') as { amount?: string }[] | undefined;
  const cell = (width: number) => (mobile ? { width: '100%' } : { width });
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <div
              key={field.key}
              data-testid={`claim-line-${i}`}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                gap: 8,
                alignItems: 'flex-start',
                paddingBottom: mobile ? 8 : 0,
                marginBottom: mobile ? 12 : 0,
                borderBottom: mobile ? '1px solid rgba(5,5,5,0.06)' : undefined,
              }}
            >
              <Form.Item name={[field.name, 'category']} rules={[{ required: true }]} style={cell(130)}>
                <DictSelect
                  dict="expenses.category"
                  values={EXPENSE_CATEGORIES}
                  allowClear={false}
                  placeholder={f('category')}
                  testId={`line-category-${i}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'amount']} rules={[{ required: true }]} style={cell(150)}>
                <MoneyInput placeholder={f('amount')} testId={`line-amount-${i}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'spentOn']} rules={[{ required: true }]} style={cell(150)}>
                <DatePicker
                  style={{ width: '100%' }}
                  placeholder={f('spentOn')}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  data-testid={`line-date-${i}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'description']}
                rules={[{ required: true }]}
                style={mobile ? { width: '100%' } : { flex: 1, minWidth: 200 }}
              >
                <Input maxLength={200} placeholder={f('description')} data-testid={`line-desc-${i}`} />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                disabled={fields.length === 1}
                onClick={() => remove(field.name)}
                aria-label={t('expenses.removeLine')}
              />
            </div>
          ))}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ category: 'travel', spentOn: dayjs() })}
              disabled={fields.length >= 50}
              data-testid="claim-line-add"
            >
              {t('expenses.addLine')}
            </Button>
            <Typography.Text strong data-testid="claim-total">
              {t('common.colonLabel', { label: f('total') })}
              <MoneyText value={linesTotal(lines)} />
            </Typography.Text>
          </div>
        </>
      )}
    </Form.List>
  );
}
