import { formatYuan } from '@sales/core';
import { App, Button, Empty, Form, Input, Modal, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MaskedMoney, MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { Timeline, type TimelineProps } from '../../../components/Timeline';
import { useAmendments, useContractDisputes, useContractReviews, useContractTimeline, useResolveDispute } from '../api';
import { AMENDMENT_STATUS_COLORS } from '../constants';
import type { Amendment, ContractDetail, ContractLine, Dispute, FieldChange, PlanItem } from '../types';

export function LinesTable({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.contractLine.${f}`);
  const pct = (v: string | null) => (v === null ? <MaskedMoney /> : `${Number(v)}%`);
  const m = (v: string | null) => <MoneyText value={v} masked={c.pricesMasked} />;
  return (
    <Table<ContractLine>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={c.lines}
      data-testid="contract-lines"
      columns={[
        { title: '#', dataIndex: 'lineNo', width: 50 },
        { title: label('productCode'), dataIndex: 'productCode', render: orDash },
        { title: label('description'), dataIndex: 'description' },
        { title: label('spec'), dataIndex: 'spec', render: orDash },
        { title: label('qty'), dataIndex: 'qty', align: 'right', render: (v: string, l) => `${v} ${l.unit}` },
        { title: label('unitPrice'), dataIndex: 'unitPrice', align: 'right', render: m },
        { title: label('discountPercent'), dataIndex: 'discountPercent', align: 'right', render: pct },
        { title: label('taxRate'), dataIndex: 'taxRate', align: 'right', render: pct },
        { title: label('netAmount'), dataIndex: 'netAmount', align: 'right', render: m },
        { title: label('taxAmount'), dataIndex: 'taxAmount', align: 'right', render: m },
        { title: label('grossAmount'), dataIndex: 'grossAmount', align: 'right', render: m },
      ]}
    />
  );
}

export function PlanTable({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.planItem.${f}`);
  return (
    <Table<PlanItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={c.paymentPlan}
      data-testid="contract-plan"
      rowClassName={(p) => (p.overdue ? 'row-overdue' : '')}
      columns={[
        { title: '#', dataIndex: 'seq', width: 50 },
        { title: label('kind'), dataIndex: 'kind', render: (k: string) => t(`contract.planKind.${k}`) },
        {
          title: label('dueDate'),
          dataIndex: 'dueDate',
          render: (d: string, p) =>
            p.overdue ? (
              <Typography.Text type="danger">{`${formatDate(d)} ${t('contract.plan.overdue')}`}</Typography.Text>
            ) : (
              formatDate(d)
            ),
        },
        {
          title: label('amount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v: string | null) => <MoneyText value={v} masked={c.pricesMasked} />,
        },
        {
          title: label('receivedAmount'),
          dataIndex: 'receivedAmount',
          align: 'right',
          render: (v: string | null) => <MoneyText value={v} masked={c.pricesMasked} />,
        },
        { title: label('note'), dataIndex: 'note', render: orDash },
      ]}
    />
  );
}

/** The contract's review (the one it is under now), from the contract's review history. */
export function ReviewTab({ contractId, instanceId }: { contractId: number; instanceId: number }) {
  const query = useContractReviews(contractId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.find((i) => i.id === instanceId) ?? query.data.items.at(-1);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

const show = (v: unknown, field?: string): string => {
  if (v === null || v === undefined || v === '') return '-';
  if (field === 'amount' && typeof v === 'string') return formatYuan(v);
  if (Array.isArray(v)) return `${v.length}`;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

function ChangeList({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="amendment-changes">
      {changes.map((ch) => (
        <li key={ch.field}>
          <Typography.Text strong>{t(`fields.contract.${ch.field}`, { defaultValue: ch.field })}</Typography.Text>
          {Array.isArray(ch.new) ? (
            `：${t('contract.amend.listChanged', { old: show(ch.old), new: show(ch.new) })}`
          ) : ch.masked && ch.new === null ? (
            // An amount withheld from this user (no contract.prices).
            <>
              ：<MaskedMoney /> → <MaskedMoney />
            </>
          ) : (
            `：${show(ch.old, ch.field)} → ${show(ch.new, ch.field)}`
          )}
        </li>
      ))}
    </ul>
  );
}

export function AmendmentsTab({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useAmendments(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<Amendment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={query.data.items}
      data-testid="contract-amendments"
      locale={{ emptyText: t('contract.amend.none') }}
      columns={[
        {
          title: t('fields.amendment.revision'),
          dataIndex: 'revision',
          width: 80,
          render: (n: number) => t('contract.revision', { n }),
        },
        {
          title: t('fields.amendment.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: string) => (
            <StatusTag dict="contract.amendmentStatus" value={s} colors={AMENDMENT_STATUS_COLORS} />
          ),
        },
        { title: t('fields.amendment.reason'), dataIndex: 'reason' },
        {
          title: t('fields.amendment.changes'),
          dataIndex: 'changes',
          render: (ch: FieldChange[]) => <ChangeList changes={ch} />,
        },
        { title: t('fields.amendment.requestedBy'), dataIndex: 'requestedByName' },
        { title: t('fields.amendment.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
        {
          key: 'approval',
          render: (_, a) =>
            a.instanceId ? <Link to={`/approvals/${a.instanceId}`}>{t('contract.amend.approval')}</Link> : null,
        },
      ]}
    />
  );
}

/** Disputes of a contract (纠纷) with their handlers; open ones can be resolved here. */
export function DisputesTab({ id }: { id: number }) {
  const query = useContractDisputes(id);
  return query.isPending ? (
    <Skeleton active />
  ) : query.isError ? (
    <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <DisputeTable items={query.data.items} />
  );
}

export function DisputeTable({ items, showContract = false }: { items: Dispute[]; showContract?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const resolve = useResolveDispute();
  const [target, setTarget] = useState<Dispute | null>(null);
  const [form] = Form.useForm<{ resolution: string }>();
  const label = (f: string) => t(`fields.dispute.${f}`);
  return (
    <>
      <Table<Dispute>
        size="small"
        rowKey="id"
        pagination={false}
        // Scrolls inside its box on a phone instead of pushing the page sideways.
        scroll={{ x: 'max-content' }}
        dataSource={items}
        data-testid="contract-disputes"
        locale={{ emptyText: t('contract.dispute.none') }}
        columns={[
          ...(showContract
            ? [
                {
                  title: label('contractNo'),
                  key: 'contract',
                  render: (_: unknown, d: Dispute) => (
                    <Link to={`/contracts/${d.contractId}?tab=disputes`}>{`${d.contractNo} ${d.customerName}`}</Link>
                  ),
                },
              ]
            : []),
          { title: label('title'), dataIndex: 'title' },
          { title: label('description'), dataIndex: 'description' },
          { title: label('handlerName'), dataIndex: 'handlerName' },
          {
            title: label('status'),
            dataIndex: 'status',
            render: (s: string) => (
              <StatusTag dict="contract.disputeStatus" value={s} colors={{ open: 'warning', resolved: 'success' }} />
            ),
          },
          { title: label('resolution'), dataIndex: 'resolution', render: orDash },
          { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            key: 'act',
            render: (_, d) =>
              d.status === 'open' ? (
                <Button size="small" onClick={() => setTarget(d)} data-testid="dispute-resolve">
                  {t('contract.dispute.resolve')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={t('contract.dispute.resolve')}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        confirmLoading={resolve.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            target &&
            resolve.mutate(
              { id: target.id, version: target.version, resolution: v.resolution.trim() },
              {
                onSuccess: () => {
                  message.success(t('contract.done.resolve'));
                  setTarget(null);
                },
                onError: (e) => handleError(e, { form }),
              },
            )
          }
        >
          <Form.Item
            name="resolution"
            label={label('resolution')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

const ENTITIES: TimelineProps['entities'] = {
  default: { fields: 'contract', actionPrefix: 'contract_', valueDicts: { status: 'contract.status' } },
  contract_dispute: { fields: 'dispute', actionPrefix: 'contract_dispute_' },
};

/** The contract's audit history (drafting, review, signing, amendments, ledger, disputes). */
export function TimelineTab({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useContractTimeline(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  // A ledger booking on one instalment ("paymentPlan.<seq>.receivedAmount") reads 第 n 期已回款.
  const entries = query.data.items.map((e) => ({
    ...e,
    changes: e.changes?.map((c) => {
      const plan = /^paymentPlan\.(\d+)\.receivedAmount$/.exec(c.field);
      return plan ? { ...c, field: t('contract.timelinePlanReceived', { n: plan[1] }) } : c;
    }),
  }));
  return <Timeline entities={ENTITIES} entries={entries} />;
}
