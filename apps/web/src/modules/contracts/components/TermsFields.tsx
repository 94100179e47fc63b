import { CONTRACT_REQUIRED_TERMS } from '@sales/core';
import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';

export interface TermsValues {
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  deliveryTerms?: string | null;
  paymentTerms?: string | null;
  qualityStandard?: string | null;
  afterSalesTerms?: string | null;
}

const trimOrNull = (v?: string | null) => (v?.trim() ? v.trim() : null);
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

export const termsBody = (v: TermsValues) => ({
  startDate: day(v.startDate),
  endDate: day(v.endDate),
  deliveryTerms: trimOrNull(v.deliveryTerms),
  paymentTerms: trimOrNull(v.paymentTerms),
  qualityStandard: trimOrNull(v.qualityStandard),
  afterSalesTerms: trimOrNull(v.afterSalesTerms),
});

/** Line errors (lines.0.qty…) from a 400, as one message for under the line table. */
export function lineErrorOf(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const le = err.fields.find((f) => f.field.startsWith('lines'));
  if (!le) return null;
  const n = Number(le.field.split('.')[1]);
  return Number.isInteger(n) ? t('contract.form.lineError', { line: n + 1, message: le.message }) : le.message;
}

/**
 * Start/end dates and the four terms (付款、质量标准、交货、售后) shared by the contract form and
 * amendments. 合同评审 needs all four (seed 003): a draft may be saved without them (a hint says so),
 * an amendment — reviewed at once — may not (`required`).
 */
export function TermsFields({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.contract.${f}`);
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Form.Item name="startDate" label={label('startDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="endDate" label={label('endDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} />
      {CONTRACT_REQUIRED_TERMS.map((f) => (
        <Col xs={24} md={12} key={f}>
          <Form.Item
            name={f}
            label={label(f)}
            extra={required ? undefined : t('contract.form.requiredForReview')}
            rules={required ? [{ required: true, whitespace: true, message: t('validation.required') }] : undefined}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid={`contract-${f}`} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
