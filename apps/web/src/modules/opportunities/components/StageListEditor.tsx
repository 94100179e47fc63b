import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_AUTO, STAGE_KINDS } from '../constants';

/** A new checklist item's key: lowercase ASCII, as the server requires; users only see labels. */
export function newChecklistKey(): string {
  return `item_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function ChecklistEditor({ stage }: { stage: number }) {
  const { t } = useTranslation();
  const item = { style: { marginBottom: 8 } };
  return (
    <Form.List name={[stage, 'checklist']}>
      {(rows, { add, remove }) => (
        <div style={{ paddingInlineStart: 24 }}>
          {rows.map(({ key, name }) => (
            <Flex key={key} gap={8} align="start" wrap data-testid="pipeline-checklist-row">
              <Form.Item name={[name, 'key']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[name, 'label']}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                {...item}
              >
                <Input
                  maxLength={60}
                  placeholder={t('opportunity.pipeline.checklistLabel')}
                  style={{ width: 260 }}
                  data-testid="pipeline-checklist-label"
                />
              </Form.Item>
              <Form.Item name={[name, 'auto']} {...item}>
                <Select
                  allowClear
                  placeholder={t('opportunity.pipeline.manualTick')}
                  style={{ width: 220 }}
                  options={CHECKLIST_AUTO.map((a) => ({ value: a, label: t(`opportunity.autoOption.${a}`) }))}
                  data-testid="pipeline-checklist-auto"
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => remove(name)}
                aria-label={t('common.delete')}
                data-testid="pipeline-checklist-remove"
              />
            </Flex>
          ))}
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ key: newChecklistKey(), label: '', auto: null })}
            data-testid="pipeline-checklist-add"
          >
            {t('opportunity.pipeline.addChecklist')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The ordered stages of a pipeline, each with its probability, kind and checklist. */
export function StageListEditor() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const required = { required: true, message: t('validation.required') };
  const item = { style: { marginBottom: 8 } };
  return (
    <Form.List name="stages">
      {(rows, { add, remove, move }) => (
        <>
          {rows.map(({ key, name }, index) => (
            <div
              key={key}
              data-testid="pipeline-stage-row"
              style={{
                border: `1px solid ${token.colorBorderSecondary}`,
                borderRadius: token.borderRadius,
                padding: '12px 12px 4px',
                marginBottom: 12,
              }}
            >
              <Flex gap={8} align="start" wrap>
                <Typography.Text strong style={{ lineHeight: '32px', minWidth: 24 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item name={[name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[name, 'name']} rules={[{ ...required, whitespace: true }]} {...item}>
                  <Input
                    maxLength={30}
                    placeholder={t('opportunity.pipeline.stageName')}
                    style={{ width: 180 }}
                    data-testid="pipeline-stage-name"
                  />
                </Form.Item>
                <Form.Item name={[name, 'probability']} rules={[required]} {...item}>
                  <InputNumber<number>
                    min={0}
                    max={100}
                    precision={0}
                    suffix="%"
                    style={{ width: 110 }}
                    aria-label={t('opportunity.pipeline.probability')}
                    data-testid="pipeline-stage-probability"
                  />
                </Form.Item>
                <Form.Item name={[name, 'kind']} rules={[required]} {...item}>
                  <Select
                    style={{ width: 130 }}
                    options={STAGE_KINDS.map((k) => ({ value: k, label: t(`opportunity.stageKind.${k}`) }))}
                    data-testid="pipeline-stage-kind"
                  />
                </Form.Item>
                <Space.Compact style={{ marginInlineStart: 'auto' }}>
                  <Button
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={t('opportunity.pipeline.moveUp')}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={t('opportunity.pipeline.moveDown')}
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('common.delete')}
                    data-testid="pipeline-stage-remove"
                  />
                </Space.Compact>
              </Flex>
              <ChecklistEditor stage={name} />
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ id: null, name: '', probability: 50, kind: 'open', checklist: [] })}
            data-testid="pipeline-stage-add"
          >
            {t('opportunity.pipeline.addStage')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
