import { INTERNAL_ERROR_REASONS, RETURN_KINDS, RETURN_REASONS, type ReturnReason } from '@sales/core';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { UserSelect } from '../../../components/UserSelect';
import { validValues } from '../../../components/validValues.ts';
import { useReturnableLines, useReturnCommand } from '../api';
import type { ReturnableLine, ReturnDetail } from '../types';

interface Values {
  kind: 'return' | 'exchange';
  reason: ReturnReason;
  description: string;
  responsibleUserId?: number;
  qty: Record<string, number | null>;
}

/** 销后退回申请表 from a signed delivery: what to send back, why, and (for internal errors) who answers for it. */
export function ReturnCreatePage() {
  const { t } = useTranslation();
  const [sp] = useSearchParams();
  const deliveryId = Number(sp.get('deliveryId'));
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useReturnableLines(deliveryId);
  const command = useReturnCommand<ReturnDetail>();
  const [form] = Form.useForm<Values>();
  const reason = Form.useWatch('reason', form);
  const f = (k: string) => t(`returns.fields.${k}`);

  if (!Number.isInteger(deliveryId) || deliveryId <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const lines = d.lines
      .map((l, i) => ({ deliveryLineId: l.deliveryLineId, qty: v.qty?.[i], i }))
      .filter((l) => l.qty && l.qty > 0)
      .map(({ deliveryLineId, qty }) => ({ deliveryLineId, qty: String(qty) }));
    if (!lines.length) {
      message.error(t('returns.create.noLines'));
      return;
    }
    try {
      const r = await command.mutateAsync({
        path: '',
        body: {
          deliveryId,
          kind: v.kind,
          reason: v.reason,
          description: v.description,
          responsibleUserId: v.responsibleUserId ?? null,
          lines,
        },
      });
      message.success(t('returns.create.done', { no: r.no }));
      navigate(`/returns/${r.id}`);
    } catch (e) {
      handleError(e, { form });
    }
  };

  return (
    <Card>
      <PageHeader title={t('returns.create.title')} subTitle={d.deliveryNo} onBack={() => navigate(-1)} />
      {d.status !== 'signed' ? <Alert type="warning" showIcon message={t('returns.create.notSigned')} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'return', reason: 'quality' }}>
        <Form.Item name="kind" label={f('kind')}>
          <Radio.Group
            options={RETURN_KINDS.map((k) => ({ value: k, label: t(`returns.kind.${k}`) }))}
            data-testid="return-kind"
          />
        </Form.Item>
        <Form.Item name="reason" label={f('reason')} rules={[{ required: true }]}>
          <Select
            options={RETURN_REASONS.map((r) => ({ value: r, label: t(`returns.reason.${r}`) }))}
            data-testid="return-reason"
          />
        </Form.Item>
        {reason && INTERNAL_ERROR_REASONS.includes(reason) ? (
          <Form.Item name="responsibleUserId" label={f('responsible')} extra={t('returns.create.responsibleHint')}>
            <UserSelect testId="return-responsible" />
          </Form.Item>
        ) : null}
        <Form.Item name="description" label={f('description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="return-description" />
        </Form.Item>
        <Table<ReturnableLine>
          size="small"
          rowKey="deliveryLineId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.lines}
          columns={[
            { title: f('product'), dataIndex: 'productName', render: (v: string, l) => `${v}（${l.productCode}）` },
            { title: f('batch'), dataIndex: 'batchNo', render: (v: string | null) => orDash(v) },
            {
              title: f('delivered'),
              dataIndex: 'delivered',
              align: 'right',
              render: (v: string, l) => `${v} ${l.unit}`,
            },
            { title: f('returnable'), dataIndex: 'returnable', align: 'right' },
            {
              title: f('unitGross'),
              dataIndex: 'unitGross',
              align: 'right',
              render: (v: string) => <MoneyText value={v} />,
            },
            {
              title: f('qty'),
              key: 'qty',
              render: (_: unknown, l, i) => (
                <Form.Item name={['qty', String(i)]} noStyle>
                  <InputNumber
                    min={0}
                    max={Number(l.returnable)}
                    disabled={Number(l.returnable) <= 0}
                    data-testid={`return-qty-${i}`}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => void submit()} loading={command.isPending} data-testid="return-submit">
            {t('returns.create.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
