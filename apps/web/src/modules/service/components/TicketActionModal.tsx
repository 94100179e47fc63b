import { UploadOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readBase64 } from '../../../components/files';
import { MoneyInput } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useBatches, useProductLookup } from '../../stock/api';
import { WarehouseSelect } from '../../stock/components/WarehouseSelect';
import { useEngineers } from '../api';
import { TICKET_PRIORITIES, WAIT_REASONS } from '../constants';
import type { TicketDetail } from '../types';

export type ModalAction =
  | 'assign'
  | 'reply'
  | 'wait'
  | 'priority'
  | 'resolve'
  | 'visit'
  | 'part'
  | 'charge'
  | 'sign'
  | 'reopen';
type FileBody = { fileName: string; mimeType: string; contentBase64: string };

const toBody = async (f: File): Promise<FileBody> => ({
  fileName: f.name,
  mimeType: f.type,
  contentBase64: await readBase64(f),
});

/** The API path of each modal action. */
export const ACTION_PATHS: Record<ModalAction, string> = {
  assign: '/assign',
  reply: '/replies',
  wait: '/wait',
  priority: '/priority',
  resolve: '/resolve',
  visit: '/visits',
  part: '/parts',
  charge: '/charges',
  sign: '/report/sign',
  reopen: '/reopen',
};

function PartFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [q, setQ] = useState('');
  const products = useProductLookup(q);
  const productId = Form.useWatch('productId', form) as number | undefined;
  const warehouseId = Form.useWatch('warehouseId', form) as number | undefined;
  const batches = useBatches({ productId }, !!productId);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Form.Item name="warehouseId" label={t('service.fields.warehouse')} rules={required}>
        <WarehouseSelect testId="part-warehouse" />
      </Form.Item>
      <Form.Item name="productId" label={t('service.fields.part')} rules={required}>
        <Select
          showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
          placeholder={t('service.part.search')}
          data-testid="part-product"
          options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          onChange={() => form.setFieldValue('batchId', undefined)}
        />
      </Form.Item>
      <Form.Item name="batchId" label={t('service.fields.batch')} extra={t('service.part.batchHint')}>
        <Select
          allowClear
          disabled={!productId}
          data-testid="part-batch"
          options={(batches.data?.items ?? []).map((b) => {
            const here = b.onHand.find((o) => o.warehouseId === warehouseId)?.onHand;
            return {
              value: b.id,
              label: [b.batchNo, b.serialNo, here ? t('service.part.onHand', { qty: Number(here) }) : null]
                .filter(Boolean)
                .join(' · '),
            };
          })}
        />
      </Form.Item>
      <Form.Item name="qty" label={t('service.fields.qty')} rules={required} initialValue="1">
        <InputNumber<string> stringMode min="0.0001" style={{ width: '100%' }} data-testid="part-qty" />
      </Form.Item>
    </>
  );
}

function FilesField({
  label,
  multiple,
  files,
  onChange,
  testId,
  error,
}: {
  label: string;
  multiple: boolean;
  files: FileBody[];
  onChange: (f: FileBody[]) => void;
  testId: string;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const id = `${testId}-input`;
  return (
    <Form.Item
      label={label}
      required={!multiple}
      validateStatus={error ? 'error' : undefined}
      help={error ?? undefined}
    >
      <Space direction="vertical">
        <Button icon={<UploadOutlined />} onClick={() => document.getElementById(id)?.click()}>
          {t('service.files.choose')}
        </Button>
        <input
          id={id}
          type="file"
          multiple={multiple}
          accept={multiple ? 'image/png,image/jpeg,image/webp' : 'application/pdf,image/png,image/jpeg,image/webp'}
          style={{ display: 'none' }}
          data-testid={testId}
          onChange={async (e) => {
            const list = [...(e.target.files ?? [])];
            onChange(await Promise.all(list.map(toBody)));
          }}
        />
        {files.map((f) => (
          <Typography.Text key={f.fileName}>{f.fileName}</Typography.Text>
        ))}
      </Space>
    </Form.Item>
  );
}

/** The form of one ticket action that needs input; on OK it hands the request body to `onSubmit`. */
export function TicketActionModal({
  action,
  ticket,
  submitting,
  onClose,
  onSubmit,
}: {
  action: ModalAction | null;
  ticket: TicketDetail;
  submitting: boolean;
  onClose: () => void;
  onSubmit: (body: unknown, form: FormInstance) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<FileBody[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const engineers = useEngineers(action === 'assign');
  const required = [{ required: true, message: t('validation.required') }];
  const text = [{ required: true, whitespace: true, message: t('validation.required') }];
  const iso = (d: Dayjs | null | undefined) => (d ? d.toISOString() : null);

  const submit = async () => {
    const v = (await validValues(form)) as Record<string, unknown> | null;
    if (action === 'sign' && files.length === 0) setFileError(t('service.sign.fileRequired'));
    if (!v || (action === 'sign' && files.length === 0)) return;
    const version = ticket.version;
    const body: Record<ModalAction, () => unknown> = {
      assign: () => ({ engineerId: v.engineerId, version }),
      reply: () => ({ kind: v.kind, body: String(v.body).trim(), version }),
      wait: () => ({ reason: v.reason, version }),
      priority: () => ({ priority: v.priority, version }),
      resolve: () => ({ resolution: String(v.resolution).trim(), version }),
      visit: () => ({
        arrivedAt: iso(v.arrivedAt as Dayjs),
        leftAt: iso(v.leftAt as Dayjs | null),
        workDone: String(v.workDone).trim(),
        photos: files,
        version,
      }),
      part: () => ({
        warehouseId: v.warehouseId,
        productId: v.productId,
        batchId: v.batchId ?? null,
        qty: String(v.qty),
        version,
      }),
      charge: () => ({ description: String(v.description).trim(), amount: v.amount, version }),
      sign: () => ({ signerName: String(v.signerName).trim(), file: files[0], version }),
      reopen: () => ({ reason: String(v.reason).trim(), version }),
    };
    if (action) onSubmit(body[action](), form);
  };

  const fields: Record<ModalAction, () => ReactNode> = {
    assign: () => (
      <Form.Item
        name="engineerId"
        label={t('service.fields.engineer')}
        rules={required}
        initialValue={ticket.engineerId}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="assign-engineer"
          loading={engineers.isLoading}
          // Least loaded first (the server's order): the first one is the suggestion.
          options={(engineers.data?.items ?? []).map((u, i) => ({
            value: u.id,
            label: `${u.deptName ? `${u.name}（${u.deptName}）` : u.name} · ${t('service.fields.openTickets', { count: u.openTickets })}${i === 0 ? ` · ${t('service.fields.suggested')}` : ''}`,
          }))}
        />
      </Form.Item>
    ),
    reply: () => (
      <>
        <Form.Item name="kind" label={t('service.fields.replyKind')} rules={required} initialValue="staff_reply">
          <Select
            data-testid="reply-kind"
            options={(['staff_reply', 'customer_message'] as const).map((k) => ({
              value: k,
              label: t(`service.replyKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="body" label={t('service.fields.replyBody')} rules={text}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="reply-body" />
        </Form.Item>
      </>
    ),
    wait: () => (
      <Form.Item name="reason" label={t('service.fields.waitReason')} rules={required} initialValue="customer">
        <Select
          data-testid="wait-reason"
          options={WAIT_REASONS.map((r) => ({ value: r, label: t(`service.waitReason.${r}`) }))}
        />
      </Form.Item>
    ),
    priority: () => (
      <Form.Item name="priority" label={t('service.fields.priority')} rules={required} initialValue={ticket.priority}>
        <Select options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`service.priority.${p}`) }))} />
      </Form.Item>
    ),
    resolve: () => (
      <Form.Item name="resolution" label={t('service.fields.resolution')} rules={text}>
        <Input.TextArea rows={4} maxLength={4000} data-testid="resolve-text" />
      </Form.Item>
    ),
    visit: () => (
      <>
        <Form.Item
          name="arrivedAt"
          label={t('service.fields.arrivedAt')}
          rules={required}
          initialValue={dayjs().subtract(1, 'hour').startOf('minute')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="visit-arrived"
          />
        </Form.Item>
        <Form.Item name="leftAt" label={t('service.fields.leftAt')} initialValue={dayjs().startOf('minute')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="visit-left"
          />
        </Form.Item>
        <Form.Item name="workDone" label={t('service.fields.workDone')} rules={text}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="visit-work" />
        </Form.Item>
        <FilesField
          label={t('service.fields.photos')}
          multiple
          files={files}
          onChange={setFiles}
          testId="visit-photos"
        />
      </>
    ),
    part: () => <PartFields />,
    charge: () => (
      <>
        <Form.Item name="description" label={t('service.fields.chargeDescription')} rules={text}>
          <Input maxLength={200} data-testid="charge-description" />
        </Form.Item>
        <Form.Item name="amount" label={t('service.fields.amount')} rules={required}>
          <MoneyInput testId="charge-amount" />
        </Form.Item>
      </>
    ),
    sign: () => (
      <>
        <Form.Item
          name="signerName"
          label={t('service.fields.signerName')}
          rules={text}
          initialValue={ticket.contactName ?? undefined}
        >
          <Input maxLength={100} data-testid="sign-name" />
        </Form.Item>
        <FilesField
          label={t('service.fields.signedReport')}
          multiple={false}
          files={files}
          onChange={(f) => {
            setFiles(f.slice(0, 1));
            setFileError(null);
          }}
          testId="sign-file"
          error={fileError}
        />
        <Typography.Text type="secondary">{t('service.sign.hint')}</Typography.Text>
      </>
    ),
    reopen: () => (
      <Form.Item name="reason" label={t('service.fields.reopenReason')} rules={text}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    ),
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`service.actions.${action}`) : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={submitting}
      okButtonProps={buttonTestId('action-submit')}
      destroyOnHidden
      afterClose={() => {
        setFiles([]);
        setFileError(null);
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {action ? fields[action]() : null}
      </Form>
    </Modal>
  );
}
