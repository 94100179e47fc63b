import { DeleteOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { amountInWords, documentTotals, INVOICE_KINDS, lineAmounts, TAX_RATES } from '@sales/core';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { validValues } from '../../../components/validValues.ts';
import { useFinanceMutation } from '../api';
import { type DocRef, DocumentPicker } from './DocumentPicker';

interface LineValues {
  description: string;
  spec?: string;
  unit: string;
  qty: string;
  unitPrice: string;
  discountPercent?: string;
  taxRate: string;
}
interface Values {
  doc: DocRef;
  kind: string;
  externalNo: string;
  issueDate: Dayjs;
  isLate: boolean;
  buyerName?: string;
  buyerTaxNo?: string;
  buyerPhone?: string;
  issuerName?: string;
  payeeName?: string;
  lines: LineValues[];
}

const validLine = (l?: Partial<LineValues>) =>
  !!l &&
  /^\d+(\.\d+)?$/.test(l.qty ?? '') &&
  Number(l.qty) > 0 &&
  /^\d+(\.\d{1,2})?$/.test(l.unitPrice ?? '') &&
  !!l.taxRate;

/** Totals and the 大写 of the lines as typed, computed with the same core functions the server uses. */
function liveTotals(lines: Partial<LineValues>[] | undefined) {
  const priced = (lines ?? []).filter(validLine).map((l) =>
    lineAmounts({
      qty: l.qty!,
      unitPrice: l.unitPrice!,
      discountPercent: l.discountPercent || '0',
      taxRate: l.taxRate!,
    }),
  );
  const totals = documentTotals(priced);
  return { ...totals, words: priced.length ? amountInWords(totals.totalGross) : '' };
}

/** 开票 (or 重开 of a voided invoice: `reissueOf` fixes the order/contract). */
export function InvoiceModal({
  open,
  onClose,
  reissueOf,
}: {
  open: boolean;
  onClose: () => void;
  reissueOf?: { id: number; doc: DocRef };
}) {
  const { t } = useTranslation();
  // Line cells have no visible label: validation messages name the column instead of the field path.
  const cellLabel = (f: string) => ({ label: t(`finance.invoice.${f}`) });
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  const save = useFinanceMutation<Record<string, unknown>>(() =>
    reissueOf ? `/api/invoices/${reissueOf.id}/reissue` : '/api/invoices',
  );
  const lines = Form.useWatch('lines', form);
  const doc = Form.useWatch('doc', form);
  const live = liveTotals(lines);

  const importLines = async () => {
    const d: DocRef | undefined = reissueOf?.doc ?? doc;
    if (!d?.orderId && !d?.contractId) return;
    try {
      const src = await apiFetch<{ lines: LineValues[] }>(
        d.orderId ? `/api/orders/${d.orderId}` : `/api/contracts/${d.contractId}`,
      );
      form.setFieldValue(
        'lines',
        src.lines.map((l) => ({
          description: l.description,
          spec: l.spec ?? undefined,
          unit: l.unit,
          qty: String(Number(l.qty)),
          unitPrice: l.unitPrice,
          discountPercent: l.discountPercent,
          taxRate: l.taxRate,
        })),
      );
    } catch (e) {
      handleError(e);
    }
  };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      ...(reissueOf ? {} : v.doc),
      kind: v.kind,
      externalNo: v.externalNo,
      issueDate: v.issueDate.format('YYYY-MM-DD'),
      isLate: v.isLate,
      buyerName: v.buyerName || undefined,
      buyerTaxNo: v.buyerTaxNo || undefined,
      buyerPhone: v.buyerPhone || undefined,
      issuerName: v.issuerName || undefined,
      payeeName: v.payeeName || undefined,
      lines: v.lines.map((l) => ({ ...l, spec: l.spec || undefined, discountPercent: l.discountPercent || '0' })),
      amountInWords: live.words || undefined,
    };
    try {
      await save.mutateAsync(body);
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };

  return (
    <Modal
      title={reissueOf ? t('finance.invoice.reissue') : t('finance.invoice.new')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={1000}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: 'vat_special',
          issueDate: dayjs(),
          isLate: false,
          lines: [{ unit: '台', taxRate: '13.00', discountPercent: '0' }],
        }}
      >
        <Row gutter={16}>
          {reissueOf ? null : (
            <Col span={12}>
              <Form.Item
                name="doc"
                label={t('finance.doc.label')}
                rules={[
                  {
                    validator: (_, v: DocRef) =>
                      v?.orderId || v?.contractId
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('finance.doc.required'))),
                  },
                ]}
              >
                <DocumentPicker />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item name="kind" label={t('finance.invoice.kind')} rules={[{ required: true }]}>
              <DictSelect dict="finance.invoiceKind" values={INVOICE_KINDS} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="externalNo"
              label={t('finance.invoice.externalNo')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={40} data-testid="invoice-external-no" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="issueDate" label={t('finance.invoice.issueDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="isLate" valuePropName="checked" label=" ">
              <Checkbox>{t('finance.invoice.isLate')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="buyerName"
              label={t('finance.invoice.buyerName')}
              tooltip={t('finance.invoice.defaultFromCustomer')}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="buyerTaxNo"
              label={t('finance.invoice.buyerTaxNo')}
              tooltip={t('finance.invoice.defaultFromCustomer')}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="buyerPhone"
              label={t('finance.invoice.buyerPhone')}
              tooltip={t('finance.invoice.defaultFromCustomer')}
            >
              <Input maxLength={40} data-testid="invoice-buyer-phone" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="issuerName" label={t('finance.invoice.issuerName')}>
              <Input maxLength={50} placeholder={t('finance.invoice.me')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="payeeName" label={t('finance.invoice.payeeName')}>
              <Input maxLength={50} placeholder={t('finance.invoice.me')} />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('finance.invoice.lines')}</Typography.Text>
          <Button
            size="small"
            icon={<ImportOutlined />}
            onClick={() => void importLines()}
            data-testid="invoice-import-lines"
          >
            {t('finance.invoice.importLines')}
          </Button>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col span={6}>
                    <Form.Item
                      name={[f.name, 'description']}
                      rules={[{ required: true, whitespace: true }]}
                      messageVariables={cellLabel('description')}
                    >
                      <Input placeholder={t('finance.invoice.description')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[f.name, 'spec']} messageVariables={cellLabel('spec')}>
                      <Input placeholder={t('finance.invoice.spec')} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item
                      name={[f.name, 'unit']}
                      rules={[{ required: true }]}
                      messageVariables={cellLabel('unit')}
                    >
                      <Input placeholder={t('finance.invoice.unit')} maxLength={20} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]} messageVariables={cellLabel('qty')}>
                      <InputNumber<string>
                        stringMode
                        min="0.0001"
                        style={{ width: '100%' }}
                        placeholder={t('finance.invoice.qty')}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[f.name, 'unitPrice']}
                      rules={[{ required: true }]}
                      messageVariables={cellLabel('unitPrice')}
                    >
                      <MoneyInput placeholder={t('finance.invoice.unitPrice')} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item name={[f.name, 'discountPercent']} messageVariables={cellLabel('discountPercent')}>
                      <InputNumber<string> stringMode min="0" max="100" style={{ width: '100%' }} placeholder="%" />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item
                      name={[f.name, 'taxRate']}
                      rules={[{ required: true }]}
                      messageVariables={cellLabel('taxRate')}
                    >
                      <Select options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r)}%` }))} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      disabled={fields.length === 1}
                      aria-label={t('common.delete')}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ unit: '台', taxRate: '13.00', discountPercent: '0' })}
              >
                {t('finance.invoice.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          data-testid="invoice-live-total"
          message={
            <Space size="large" wrap>
              <span>
                {t('finance.invoice.totalNet')}：<MoneyText value={live.totalNet} />
              </span>
              <span>
                {t('finance.invoice.totalTax')}：<MoneyText value={live.totalTax} />
              </span>
              <span>
                {t('finance.invoice.totalGross')}：<MoneyText value={live.totalGross} />
              </span>
              <strong data-testid="invoice-live-words">
                {t('finance.invoice.words')}：{live.words || '-'}
              </strong>
            </Space>
          }
        />
      </Form>
    </Modal>
  );
}
