import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useDisciplineCommand, useLevelPreview, useRecordablePeople } from '../api';
import type { DisciplineDetail } from '../types';
import { LevelExplanation } from './LevelExplanation';

interface FormValues {
  kind: 'incident' | 'reward';
  personId: number;
  occurredOn: Dayjs;
  rule: string;
  description: string;
  lossAmount?: string | null;
}

/** Records an incident or a reward as a draft (or edits a draft); an incident's level is previewed live. */
export function DisciplineFormModal({
  record,
  onClose,
  onSaved,
}: {
  record?: DisciplineDetail;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const people = useRecordablePeople(true);
  const command = useDisciplineCommand();
  const kind = Form.useWatch('kind', form) ?? record?.kind ?? 'incident';
  const personId = Form.useWatch('personId', form);
  const occurredOn = Form.useWatch('occurredOn', form);
  const lossAmount = Form.useWatch('lossAmount', form);
  const preview = useLevelPreview({
    personId: kind === 'incident' ? personId : undefined,
    occurredOn: occurredOn?.format('YYYY-MM-DD'),
    lossAmount,
  });
  const f = (k: string) => t(`discipline.fields.${k}`);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      kind: v.kind,
      personId: v.personId,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      rule: v.rule,
      description: v.description,
      lossAmount: v.kind === 'incident' ? v.lossAmount || '0' : '0',
    };
    try {
      const r = record
        ? await command.mutateAsync({
            path: `/discipline-records/${record.id}`,
            method: 'PUT',
            body: { ...body, version: record.version },
          })
        : await command.mutateAsync({ path: '/discipline-records', body });
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
  // The person of an edited draft stays choosable even if the list has no entry for them.
  if (record && !options.some((o) => o.value === record.personId))
    options.push({ value: record.personId, label: record.personName });
  return (
    <Modal
      open
      {...fit}
      title={t(record ? 'discipline.edit' : 'discipline.new')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('discipline-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          record
            ? { ...record, occurredOn: dayjs(record.occurredOn) }
            : { kind: 'incident', occurredOn: dayjs(), lossAmount: '0.00' }
        }
      >
        <Form.Item name="kind" label={f('kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['incident', 'reward'] as const).map((k) => ({ value: k, label: t(`discipline.kind.${k}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item name="personId" label={f('person')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.pleaseSelect')}
            loading={people.isLoading}
            options={options}
            data-testid="discipline-person"
          />
        </Form.Item>
        <Form.Item name="occurredOn" label={f('occurredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="rule" label={f(kind === 'incident' ? 'rule' : 'reason')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="discipline-rule" />
        </Form.Item>
        <Form.Item name="description" label={f('description')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="discipline-description" />
        </Form.Item>
        {kind === 'incident' && (
          <>
            <Form.Item name="lossAmount" label={f('lossAmount')} extra={t('discipline.lossHint')}>
              <MoneyInput testId="discipline-loss" style={{ width: '100%' }} />
            </Form.Item>
            {preview.data && (
              <Alert
                type="info"
                showIcon
                data-testid="discipline-level-preview"
                message={t('discipline.levelPreview', { level: t(`discipline.level.${preview.data.level}`) })}
                description={<LevelExplanation repeatCount={preview.data.repeatCount} basis={preview.data.basis} />}
              />
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
