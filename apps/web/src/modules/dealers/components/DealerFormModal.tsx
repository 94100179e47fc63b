import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import { useDealerCommand, useDealerPeople } from '../api';
import type { DealerContact, DealerDetail, DealerStatus } from '../types';

interface FormValues {
  name: string;
  customerId: number;
  territories: string[];
  contacts: DealerContact[];
  status: DealerStatus;
  ownerId: number;
  remark?: string | null;
}

/** Records a dealer outlet on a customer account, or edits one: territories, contacts, status, owner. */
export function DealerFormModal({
  dealer,
  onClose,
  onSaved,
}: {
  dealer?: DealerDetail;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const people = useDealerPeople(true);
  const command = useDealerCommand();
  const f = (k: string) => t(`dealers.fields.${k}`);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      name: v.name,
      customerId: v.customerId,
      territories: v.territories,
      contacts: (v.contacts ?? []).map((c) => ({ name: c.name, phone: c.phone, role: c.role || null })),
      status: v.status,
      ownerId: v.ownerId,
      remark: v.remark || null,
    };
    try {
      const r = dealer
        ? await command.mutateAsync({
            path: `/dealers/${dealer.id}`,
            method: 'PUT',
            body: { ...body, version: dealer.version },
          })
        : await command.mutateAsync({ path: '/dealers', body });
      onClose();
      onSaved?.(r.id);
    } catch (e) {
      handleError(e, { form });
    }
  };
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: t('common.nameWithDept', { name: p.name, dept: p.deptName }),
  }));
  if (dealer && !options.some((o) => o.value === dealer.ownerId))
    options.push({ value: dealer.ownerId, label: dealer.ownerName });
  return (
    <Modal
      open
      {...fit}
      title={t(dealer ? 'dealers.edit' : 'dealers.new')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('dealer-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          dealer
            ? { ...dealer, remark: dealer.remark ?? undefined }
            : { status: 'active', territories: [], contacts: [{ name: '', phone: '', role: '' }], ownerId: me?.id }
        }
      >
        <Form.Item name="name" label={f('name')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="dealer-name" />
        </Form.Item>
        <Form.Item
          name="customerId"
          label={f('customer')}
          extra={t('dealers.customerHint')}
          rules={[{ required: true }]}
        >
          <CustomerPicker
            testId="dealer-customer"
            initialOption={dealer ? { id: dealer.customerId, no: dealer.customerNo, name: dealer.customerName } : null}
          />
        </Form.Item>
        <Form.Item
          name="territories"
          label={f('territories')}
          extra={t('dealers.territoriesHint')}
          rules={[{ required: true }]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} data-testid="dealer-territories" />
        </Form.Item>
        <Form.Item label={f('contacts')}>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map(({ key, name }) => (
                  <Space key={key} align="baseline" wrap>
                    <Form.Item name={[name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={f('contactName')} maxLength={50} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'phone']} rules={[{ required: true }]}>
                      <Input placeholder={f('contactPhone')} maxLength={30} style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'role']}>
                      <Input placeholder={f('contactRole')} maxLength={50} style={{ width: 100 }} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label={t('common.delete')} onClick={() => remove(name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '', role: '' })}>
                  {t('dealers.addContact')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="status" label={f('status')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['active', 'suspended'] as const).map((s) => ({ value: s, label: t(`dealers.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="ownerId" label={f('owner')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.pleaseSelect')}
            loading={people.isLoading}
            options={options}
            data-testid="dealer-owner"
          />
        </Form.Item>
        <Form.Item name="remark" label={f('remark')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
