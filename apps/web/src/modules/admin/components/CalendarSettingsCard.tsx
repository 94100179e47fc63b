import { App, Button, Card, Checkbox, Form, Space, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { validValues } from '../../../components/validValues';
import { type CalendarSettings, useSaveCalendarSettings } from '../calendarApi';

interface Values {
  weekdays: number[];
  hours: [Dayjs, Dayjs];
  hasBreak: boolean;
  breakHours?: [Dayjs, Dayjs] | null;
}

const FMT = 'HH:mm';
const toTime = (s: string) => dayjs(s, FMT);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The working week and hours every "working days/hours" deadline counts in (issue 12 item 1). */
export function CalendarSettingsCard({ settings, editable }: { settings: CalendarSettings; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarSettings();
  const handleError = useApiErrorHandler();
  const hasBreak = Form.useWatch('hasBreak', form);

  useEffect(() => {
    form.setFieldsValue({
      weekdays: settings.weekdays,
      hours: [toTime(settings.dayStart), toTime(settings.dayEnd)],
      hasBreak: settings.breakStart !== null,
      breakHours:
        settings.breakStart && settings.breakEnd ? [toTime(settings.breakStart), toTime(settings.breakEnd)] : null,
    });
  }, [form, settings]);

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const brk = v.hasBreak && v.breakHours ? v.breakHours : null;
    save.mutate(
      {
        weekdays: v.weekdays,
        dayStart: v.hours[0].format(FMT),
        dayEnd: v.hours[1].format(FMT),
        breakStart: brk ? brk[0].format(FMT) : null,
        breakEnd: brk ? brk[1].format(FMT) : null,
        version: settings.version,
      },
      {
        onSuccess: () => message.success(t('common.saved')),
        // The server names dayStart…breakEnd, which this form edits as ranges: its messages go to a toast.
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Card title={t('calendar.settings.title')} size="small" data-testid="calendar-settings">
      <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 560 }}>
        <Form.Item name="weekdays" label={t('calendar.settings.weekdays')} rules={required}>
          <Checkbox.Group
            data-testid="calendar-weekdays"
            options={WEEKDAYS.map((d) => ({ value: d, label: t(`calendar.weekday.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="hours" label={t('calendar.settings.hours')} rules={required}>
          <TimePicker.RangePicker format={FMT} minuteStep={5} order data-testid="calendar-hours" />
        </Form.Item>
        <Form.Item name="hasBreak" label={t('calendar.settings.break')} valuePropName="checked">
          <Switch data-testid="calendar-has-break" />
        </Form.Item>
        {hasBreak ? (
          <Form.Item name="breakHours" label={t('calendar.settings.breakHours')} rules={required}>
            <TimePicker.RangePicker format={FMT} minuteStep={5} order data-testid="calendar-break-hours" />
          </Form.Item>
        ) : null}
        <Typography.Paragraph type="secondary">
          {t('calendar.settings.hint', { timeZone: settings.timeZone })}
        </Typography.Paragraph>
        {editable ? (
          <Space>
            <Button
              type="primary"
              onClick={() => void submit()}
              loading={save.isPending}
              data-testid="calendar-settings-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        ) : null}
      </Form>
    </Card>
  );
}
