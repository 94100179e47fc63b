import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { validValues } from '../../../components/validValues.ts';
import { type Competitor, useResearchWrite } from '../api';

const LEVELS = ['excellent', 'good', 'average', 'poor'] as const;
type CompetitorForm = {
  name: string;
  products?: string;
  serviceLevel: string;
  note?: string;
  offers?: { product: string; price: string }[];
};

/** Creates or edits a competitor with its product prices. */
export function CompetitorModal({ open, edit, onClose }: { open: boolean; edit?: Competitor; onClose: () => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<CompetitorForm>();
  const save = useResearchWrite<CompetitorForm & { _id?: number; version?: number }>(edit ? 'PUT' : 'POST', (b) =>
    b._id ? `/api/competitors/${b._id}` : '/api/competitors',
  );
  return (
    <Modal
      open={open}
      title={t(edit ? 'research.editCompetitor' : 'research.newCompetitor')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={save.isPending}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        save.mutate(edit ? { ...v, _id: edit.id, version: edit.version } : v, {
          onSuccess: () => onClose(),
          onError: (e) => handleError(e, { form }),
        });
      }}
    >
      <Form form={form} layout="vertical" initialValues={edit ?? { serviceLevel: 'average', offers: [] }}>
        <Form.Item name="name" label={t('research.fields.name')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="competitor-name" />
        </Form.Item>
        <Form.Item name="products" label={t('research.fields.products')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="serviceLevel" label={t('research.fields.serviceLevel')} rules={[{ required: true }]}>
          <Select options={LEVELS.map((l) => ({ value: l, label: t(`research.serviceLevel.${l}`) }))} />
        </Form.Item>
        <Form.List name="offers">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((fl) => (
                <Space key={fl.key} align="baseline" wrap>
                  <Form.Item name={[fl.name, 'product']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('research.fields.product')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[fl.name, 'price']} rules={[{ required: true }]} noStyle>
                    <MoneyInput placeholder={t('research.fields.price')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(fl.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('research.addOffer')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Form.Item name="note" label={t('research.fields.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
