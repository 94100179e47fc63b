import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useDealerCommand, useDealerPeople } from '../api';

interface FormValues {
  visitedOn: Dayjs;
  visitorId: number;
  purpose: string;
  findings: string;
  nextStep?: string | null;
}

/** Records a visit to the outlet (走访经销点): when, who, why, what was found, what comes next. */
export function VisitModal({ dealerId, onClose }: { dealerId: number; onClose: () => void }) {
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
    try {
      await command.mutateAsync({
        path: `/dealers/${dealerId}/visits`,
        body: {
          visitedOn: v.visitedOn.format('YYYY-MM-DD'),
          visitorId: v.visitorId,
          purpose: v.purpose,
          findings: v.findings,
          nextStep: v.nextStep || null,
        },
      });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      open
      {...fit}
      title={t('dealers.newVisit')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('dealer-visit-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ visitedOn: dayjs(), visitorId: me?.id }}>
        <Form.Item name="visitedOn" label={f('visitedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="visitorId" label={f('visitor')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isLoading}
            options={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: t('common.nameWithDept', { name: p.name, dept: p.deptName }),
            }))}
            data-testid="dealer-visit-visitor"
          />
        </Form.Item>
        <Form.Item name="purpose" label={f('purpose')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="dealer-visit-purpose" />
        </Form.Item>
        <Form.Item name="findings" label={f('findings')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="dealer-visit-findings" />
        </Form.Item>
        <Form.Item name="nextStep" label={f('nextStep')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
