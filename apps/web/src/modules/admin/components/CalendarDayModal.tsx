import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate } from '../../../components/format';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues.ts';
import { type CalendarDay, useSaveCalendarDay } from '../calendarApi';

type Choice = 'default' | 'holiday' | 'workday';

/** The company's own decision for one date: a holiday, a working day, or the default (official / weekly). */
export function CalendarDayModal({ day, onClose }: { day: CalendarDay | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ choice: Choice; name?: string }>();
  const save = useSaveCalendarDay();
  const handleError = useApiErrorHandler();
  const choice = Form.useWatch('choice', form);

  useEffect(() => {
    if (!day) return;
    form.setFieldsValue({
      choice: day.source === 'company' ? (day.working ? 'workday' : 'holiday') : 'default',
      name: day.source === 'company' ? (day.name ?? '') : '',
    });
  }, [day, form]);

  if (!day) return null;
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (v.choice === 'default' && day.source !== 'company') {
      onClose();
      return;
    }
    save.mutate(
      { date: day.date, kind: v.choice === 'default' ? null : v.choice, name: v.name?.trim() || null },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={formatDate(day.date)}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('calendar-day-save')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" data-testid="calendar-day-current">
        {t(`calendar.day.current.${day.working ? 'working' : 'off'}`, {
          source: t(`calendar.source.${day.source}`),
          name: day.name ?? '',
        })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="choice" label={t('calendar.day.choice')}>
          <Radio.Group data-testid="calendar-day-choice">
            {(['default', 'holiday', 'workday'] as const).map((c) => (
              <Radio key={c} value={c} data-testid={`calendar-day-${c}`}>
                {t(`calendar.day.${c}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {choice && choice !== 'default' ? (
          <Form.Item name="name" label={t('calendar.day.name')}>
            <Input maxLength={50} placeholder={t('calendar.day.namePlaceholder')} data-testid="calendar-day-name" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
