import { PlusOutlined } from '@ant-design/icons';
import { type Money, money, toMoneyString } from '@sales/core';
import { Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Spin } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { DataTable } from '../../../components/DataTable';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useDrawerSize } from '../../../components/useIsMobile';
import { useListUrlState } from '../../../components/useListUrlState';
import { validValues } from '../../../components/validValues.ts';
import { useArrears, useFinanceMutation, useWriteOffApprovals, useWriteOffs, type WriteOff } from '../api';
import { RECEIVABLE_WRITEOFF, WRITE_OFF_STATUS_COLORS } from '../constants';

/** 坏账核销: requests of an order's outstanding amount, approved through the approval engine. */
export function WriteOffsPage() {
  const { t } = useTranslation();
  const drawerSize = useDrawerSize(720);
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { page, pageSize, patch } = useListUrlState();
  const list = useWriteOffs({ page, pageSize });
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<WriteOff | null>(null);
  const approvals = useWriteOffApprovals(detail?.id ?? null);
  const arrears = useArrears({});
  const create = useFinanceMutation<{ orderId: number; amount: string; reason: string }>(() => '/api/write-offs');
  const [form] = Form.useForm<{ orderId: number; amount: string; reason: string }>();
  // Orders with something outstanding (from the arrears list), one option each.
  const orders = new Map<number, { label: string; outstanding: Money }>();
  for (const a of arrears.data?.items ?? []) {
    if (a.orderId === null) continue; // write-offs are per order
    const prev = orders.get(a.orderId);
    orders.set(a.orderId, {
      label: `${a.documentNo} ${a.customerName}`,
      outstanding: (prev?.outstanding ?? money(0)).plus(a.outstanding),
    });
  }

  const columns: ColumnsType<WriteOff> = [
    {
      title: t('finance.writeOff.no'),
      dataIndex: 'no',
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDetail(r)}>
          {v}
        </Button>
      ),
    },
    { title: t('finance.customer'), dataIndex: 'customerName' },
    { title: t('finance.doc.order'), dataIndex: 'orderNo' },
    {
      title: t('finance.writeOff.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    { title: t('finance.reason'), dataIndex: 'reason' },
    {
      title: t('finance.status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag dict="finance.writeOffStatus" value={v} colors={WRITE_OFF_STATUS_COLORS} />,
    },
    { title: t('finance.writeOff.requestedBy'), dataIndex: 'requestedByName' },
    { title: t('finance.writeOff.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
  ];
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await create.mutateAsync(v);
      setOpen(false);
    } catch (e) {
      handleError(e, { form });
    }
  };
  const inst = approvals.data?.items?.[approvals.data.items.length - 1];

  return (
    <Card>
      <PageHeader
        title={t('menu.financeWriteOffs')}
        extra={
          hasPermission(RECEIVABLE_WRITEOFF) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="writeoff-new">
              {t('finance.writeOff.new')}
            </Button>
          ) : null
        }
      />
      <DataTable<WriteOff>
        data-testid="writeoff-table"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onRowClick={setDetail}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <Modal
        title={t('finance.writeOff.new')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="orderId" label={t('finance.doc.order')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[...orders].map(([id, o]) => ({
                value: id,
                label: `${o.label}（${t('finance.receivable.outstanding')} ¥${toMoneyString(o.outstanding)}）`,
              }))}
              data-testid="writeoff-order"
            />
          </Form.Item>
          <Form.Item name="amount" label={t('finance.writeOff.amount')} rules={[{ required: true }]}>
            <MoneyInput testId="writeoff-amount" />
          </Form.Item>
          <Form.Item name="reason" label={t('finance.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        open={!!detail}
        onClose={() => setDetail(null)}
        size={drawerSize}
        title={detail ? `${t('finance.writeOff.no')} ${detail.no}` : ''}
      >
        {detail ? (
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('finance.customer')}>{detail.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('finance.doc.order')}>{detail.orderNo}</Descriptions.Item>
            <Descriptions.Item label={t('finance.writeOff.amount')}>
              <MoneyText value={detail.amount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('finance.status')}>
              <StatusTag dict="finance.writeOffStatus" value={detail.status} colors={WRITE_OFF_STATUS_COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label={t('finance.reason')} span={2}>
              {detail.reason}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        {approvals.isLoading ? <Spin /> : inst ? <ApprovalPanel instance={inst} /> : <Empty />}
      </Drawer>
    </Card>
  );
}
