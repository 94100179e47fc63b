import { Alert, Calendar, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { useIsMobile } from '../../../components/useIsMobile';
import { type CalendarDay, useCalendarDays, useCalendarSettings } from '../calendarApi';
import { CalendarDayModal } from '../components/CalendarDayModal';
import { CalendarSettingsCard } from '../components/CalendarSettingsCard';

const ISO = 'YYYY-MM-DD';

/** The company calendar: working week and hours, and each date with whether it is worked and why. */
export function WorkCalendarPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const mobile = useIsMobile();
  const editable = hasPermission('calendar.manage');
  const [month, setMonth] = useState(() => dayjs().startOf('month'));
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  // The month grid shows up to 6 days of the previous month and 14 of the next.
  const from = month.subtract(7, 'day').format(ISO);
  const to = month.endOf('month').add(14, 'day').format(ISO);
  const days = useCalendarDays(from, to);
  const settings = useCalendarSettings();
  const byDate = useMemo(() => new Map((days.data?.items ?? []).map((d) => [d.date, d])), [days.data]);

  if (settings.isError) return <QueryErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;

  const cell = (date: Dayjs) => {
    const d = byDate.get(date.format(ISO));
    if (!d || d.source === 'weekly') return null;
    return (
      <Flex vertical gap={2} data-testid={`calendar-cell-${d.date}`}>
        <Tag color={d.working ? 'blue' : 'red'} variant="outlined" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {t(d.working ? 'calendar.workdayShort' : 'calendar.holidayShort')}
        </Tag>
        {!mobile && d.name ? (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {d.name}
            {d.source === 'company' ? ` · ${t('calendar.source.company')}` : ''}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  };

  const lastYear = settings.data?.officialLastYear;
  return (
    <>
      <PageHeader title={t('menu.workCalendar')} />
      <Flex vertical gap={16}>
        {lastYear && month.year() > lastYear ? (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-official-gap"
            title={t('calendar.officialGap', { year: lastYear })}
          />
        ) : null}
        <Card size="small" data-testid="calendar-month">
          {days.isError ? (
            <QueryErrorResult error={days.error} onRetry={() => void days.refetch()} />
          ) : (
            <Calendar
              fullscreen={!mobile}
              value={month}
              onPanelChange={(v) => setMonth(v.startOf('month'))}
              onSelect={(v, info) => {
                if (info.source !== 'date') {
                  setMonth(v.startOf('month'));
                  return;
                }
                const d = byDate.get(v.format(ISO));
                if (editable && d) setEditing(d);
              }}
              cellRender={(v, info) => (info.type === 'date' ? cell(v) : info.originNode)}
            />
          )}
          {editable ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('calendar.editHint')}
            </Typography.Paragraph>
          ) : null}
        </Card>
        {settings.isPending ? (
          <Skeleton active />
        ) : (
          <CalendarSettingsCard settings={settings.data} editable={editable} />
        )}
      </Flex>
      <CalendarDayModal day={editing} onClose={() => setEditing(null)} />
    </>
  );
}
