import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEDUCTION_INDICATORS, SCHEME_INDICATOR_CODES } from '@sales/core';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues';
import { useSchemeCommand } from '../api';
import type { AppraisalScheme, SchemeIndicator } from '../types';

/** Seed 002's deductions apply to these only; the others are scored (revenue: either). */
// Revenue may be a deduction or scored; the other deduction indicators are deductions only.
const DEDUCTION_ONLY = new Set<string>(DEDUCTION_INDICATORS.filter((c) => c !== 'revenue'));
const rulesOf = (code: string | undefined) =>
  !code
    ? []
    : DEDUCTION_ONLY.has(code)
      ? ['deduction']
      : code === 'revenue'
        ? ['deduction', 'linear', 'threshold']
        : ['linear', 'threshold'];

interface Values {
  name: string;
  periodKind: 'month' | 'quarter' | 'year';
  indicators: SchemeIndicator[];
}

/** One indicator row: indicator, weight, rule, and the rule's target / cap / bands. */
function IndicatorRow({ name, remove }: { name: number; remove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const code = Form.useWatch(['indicators', name, 'code'], form);
  const rule = Form.useWatch(['indicators', name, 'rule'], form);
  const basis = Form.useWatch(['indicators', name, 'basis'], form);
  const f = (k: string) => t(`appraisal.fields.${k}`);
  const needsTarget = code !== 'revenue' && (rule === 'linear' || (rule === 'threshold' && basis === 'percent'));
  return (
    <Card size="small" data-testid="scheme-indicator-row">
      <Flex wrap gap={8} align="start">
        <Form.Item name={[name, 'code']} label={f('indicators')} rules={[{ required: true }]} style={{ minWidth: 160 }}>
          <Select
            data-testid="scheme-indicator-code"
            showSearch
            optionFilterProp="label"
            options={SCHEME_INDICATOR_CODES.map((c) => ({ value: c, label: t(`appraisal.indicator.${c}`) }))}
            onChange={(c: string) =>
              form.setFieldValue(['indicators', name, 'rule'], rulesOf(c).includes('linear') ? 'linear' : 'deduction')
            }
          />
        </Form.Item>
        <Form.Item name={[name, 'weight']} label={f('weight')} rules={[{ required: true }]} style={{ width: 90 }}>
          <InputNumber
            min={1}
            max={100}
            precision={0}
            style={{ width: '100%' }}
            data-testid="scheme-indicator-weight"
          />
        </Form.Item>
        <Form.Item name={[name, 'rule']} label={f('rule')} rules={[{ required: true }]} style={{ minWidth: 190 }}>
          <Select
            data-testid="scheme-indicator-rule"
            options={rulesOf(code).map((r) => ({ value: r, label: t(`appraisal.rule.${r}`) }))}
          />
        </Form.Item>
        {rule === 'threshold' && (
          <Form.Item name={[name, 'basis']} label={f('basis')} initialValue="actual" style={{ minWidth: 140 }}>
            <Select
              options={['actual', 'percent'].map((b) => ({ value: b, label: t(`appraisal.thresholdBasis.${b}`) }))}
            />
          </Form.Item>
        )}
        {needsTarget && (
          <Form.Item name={[name, 'target']} label={f('target')} rules={[{ required: true }]} style={{ width: 150 }}>
            <Input inputMode="decimal" data-testid="scheme-indicator-target" />
          </Form.Item>
        )}
        {rule === 'linear' && (
          <Form.Item name={[name, 'capRatio']} label={f('capRatio')} initialValue="1" style={{ width: 100 }}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={remove}
          aria-label={t('common.delete')}
          style={{ marginTop: 30 }}
        />
      </Flex>
      {code === 'revenue' && rule !== 'deduction' && (
        <Typography.Text type="secondary">{t('appraisal.schemes.revenueTarget')}</Typography.Text>
      )}
      {rule === 'threshold' && (
        <Form.List name={[name, 'bands']}>
          {(bands, { add, remove: drop }) => (
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Typography.Text>{f('bands')}</Typography.Text>
              {bands.map((b) => (
                <Flex key={b.key} gap={8} align="start" data-testid="scheme-band-row">
                  <Form.Item name={[b.name, 'from']} rules={[{ required: true }]} style={{ width: 120 }}>
                    <Input
                      addonBefore="≥"
                      placeholder={f('bandFrom')}
                      inputMode="decimal"
                      data-testid="scheme-band-from"
                    />
                  </Form.Item>
                  <Form.Item name={[b.name, 'points']} rules={[{ required: true }]} style={{ width: 120 }}>
                    <Input placeholder={f('bandPoints')} inputMode="decimal" data-testid="scheme-band-points" />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => drop(b.name)}
                    aria-label={t('common.delete')}
                  />
                </Flex>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add()} data-testid="scheme-band-add">
                {t('appraisal.schemes.addBand')}
              </Button>
            </Space>
          )}
        </Form.List>
      )}
    </Card>
  );
}

/** Create a scheme or edit one (the next version; runs keep the version they used). */
export function SchemeFormModal({ scheme, onClose }: { scheme: AppraisalScheme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const command = useSchemeCommand();
  const [form] = Form.useForm<Values>();
  const rows = Form.useWatch('indicators', form) ?? [];
  const sum = rows.reduce((s, r) => s + (Number(r?.weight) || 0), 0);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const indicators = v.indicators.map((r) => ({ ...r, target: r.target || null }));
    try {
      await command.mutateAsync(
        scheme
          ? {
              method: 'PUT',
              path: `/appraisal-schemes/${scheme.id}`,
              body: { name: v.name, indicators, version: scheme.version },
            }
          : { method: 'POST', path: '/appraisal-schemes', body: { ...v, indicators } },
      );
      message.success(t('appraisal.schemes.saved'));
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      open
      {...fit}
      width={900}
      title={t(scheme ? 'appraisal.schemes.edit' : 'appraisal.schemes.new')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('scheme-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        // The server's error on the weights' sum is stale as soon as a row changes.
        onValuesChange={() => form.setFields([{ name: 'indicators', errors: [] }])}
        initialValues={
          scheme
            ? { name: scheme.name, periodKind: scheme.periodKind, indicators: scheme.indicators }
            : { periodKind: 'month', indicators: [{ code: 'revenue', weight: 100, rule: 'linear' }] }
        }
      >
        <Flex wrap gap={12}>
          <Form.Item
            name="name"
            label={t('appraisal.fields.schemeName')}
            rules={[{ required: true }]}
            style={{ minWidth: 240, flex: 1 }}
          >
            <Input maxLength={100} data-testid="scheme-name" />
          </Form.Item>
          <Form.Item name="periodKind" label={t('appraisal.fields.periodKind')} style={{ width: 140 }}>
            <Select
              disabled={!!scheme}
              data-testid="scheme-period-kind"
              options={['month', 'quarter', 'year'].map((k) => ({ value: k, label: t(`appraisal.periodKind.${k}`) }))}
            />
          </Form.Item>
        </Flex>
        <Form.List name="indicators">
          {(fields, { add, remove }, { errors }) => (
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {/* The server's error on the whole list (the weights' sum) shows here. */}
              <div data-testid="scheme-indicators-error">
                <Form.ErrorList errors={errors} />
              </div>
              {fields.map((fl) => (
                <IndicatorRow key={fl.key} name={fl.name} remove={() => remove(fl.name)} />
              ))}
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 10 })} data-testid="scheme-indicator-add">
                  {t('appraisal.schemes.addIndicator')}
                </Button>
                <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="scheme-weights-sum">
                  {t('appraisal.schemes.weightsSum', { sum })}
                </Typography.Text>
              </Flex>
            </Space>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('appraisal.schemes.formula')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
