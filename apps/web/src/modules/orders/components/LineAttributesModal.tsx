import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../../components/testId';

interface Row {
  key: string;
  value: string;
}

// The attributes the retail seed names on the invoice (品名规格处注明品牌、规格、颜色): offered as rows.
const SUGGESTED = ['brand', 'colour', 'size'] as const;

/**
 * Edits the variant attributes entered on one order line (品牌、颜色、尺码…). The product's own
 * attributes are added by the server; a value entered here for the same name replaces it.
 */
export function LineAttributesModal({
  open,
  value,
  onClose,
  onSave,
}: {
  open: boolean;
  value: Record<string, string>;
  onClose: () => void;
  onSave: (v: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rows: Row[] }>();
  const initial = Object.entries(value).map(([key, v]) => ({ key, value: v }));
  const rows = initial.length ? initial : SUGGESTED.map((k) => ({ key: t(`order.attributes.${k}`), value: '' }));
  return (
    <Modal
      open={open}
      title={t('order.attributes.title')}
      onCancel={onClose}
      onOk={() => {
        const v = form.getFieldsValue();
        onSave(
          Object.fromEntries(
            (v.rows ?? []).filter((r) => r?.key?.trim() && r.value?.trim()).map((r) => [r.key.trim(), r.value.trim()]),
          ),
        );
      }}
      okButtonProps={buttonTestId('line-attributes-ok')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('order.attributes.hint')}</Typography.Paragraph>
      <Form form={form} initialValues={{ rows }} preserve={false}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'key']}
                    rules={[{ max: 20 }]}
                    messageVariables={{ label: t('order.attributes.name') }}
                  >
                    <Input placeholder={t('order.attributes.name')} maxLength={20} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'value']}
                    rules={[{ max: 50 }]}
                    messageVariables={{ label: t('order.attributes.value') }}
                  >
                    <Input
                      placeholder={t('order.attributes.value')}
                      maxLength={50}
                      style={{ width: 180 }}
                      data-testid="line-attribute-value"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              ))}
              {fields.length < 20 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
                  {t('order.attributes.add')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
