import { LeftOutlined, RightOutlined, SaveOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { type DutyGroup, useRoster, useSaveRoster } from '../dutyApi';
import {
  type CellStatus,
  draftOf,
  NEXT_STATUS,
  nextOnDuty,
  type RosterDraft,
  type RosterRow,
  rosterChanges,
  rosterRows,
} from './rosterDraft';
import { useCompanyToday } from './useCompanyToday';

const DATE = 'YYYY-MM-DD';

const CELL_STYLE: Record<CellStatus, { type: 'primary' | 'default' | 'dashed'; danger?: boolean }> = {
  on: { type: 'primary' },
  absent: { type: 'default', danger: true },
  off: { type: 'dashed' },
};

/** 值班表: one week of a duty group — who is on duty (in rotation order) or absent each day. */
export function RosterGrid({ group }: { group: DutyGroup }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [weekStart, setWeekStart] = useState<Dayjs>(() => dayjs().startOf('week'));
  const from = weekStart.format(DATE);
  const to = weekStart.add(6, 'day').format(DATE);
  const dates = useMemo(() => Array.from({ length: 7 }, (_, i) => weekStart.add(i, 'day').format(DATE)), [weekStart]);
  const today = useCompanyToday();
  const query = useRoster(group.id, from, to);
  const save = useSaveRoster(group.id);
  const saved = useMemo(() => draftOf(query.data), [query.data]);
  const [edits, setEdits] = useState<{ key: string; draft: RosterDraft } | null>(null);
  const editKey = `${group.id}:${from}`;
  const draft = edits?.key === editKey ? edits.draft : saved;
  const rows = rosterRows(group, query.data);
  const changes = rosterChanges(rows, saved, draft, dates);

  const setCell = (date: string, userId: number, status: CellStatus) =>
    setEdits({ key: editKey, draft: { ...draft, [date]: { ...draft[date], [userId]: status } } });

  const fillWeek = () => {
    const next: RosterDraft = { ...draft };
    for (const date of dates.filter((d) => d >= today)) {
      next[date] = { ...next[date] };
      for (const m of group.members) if ((next[date][m.userId] ?? 'off') === 'off') next[date][m.userId] = 'on';
    }
    setEdits({ key: editKey, draft: next });
  };

  const onSave = () =>
    save.mutate(changes, {
      onSuccess: () => {
        message.success(t('common.saved'));
        setEdits(null);
      },
      onError: (e) => handleError(e),
    });

  const dayOf = (date: string) => query.data?.days.find((d) => d.date === date);
  const columns: ColumnsType<RosterRow> = [
    {
      title: t('duty.fields.member'),
      dataIndex: 'name',
      fixed: 'left',
      width: 140,
      render: (name: string, r) => (
        <Space size={4}>
          {name}
          {r.inGroup ? null : <Tag>{t('duty.notInGroup')}</Tag>}
        </Space>
      ),
    },
    ...dates.map((date) => {
      const next = date === today && draft === saved ? nextOnDuty(dayOf(date)) : null;
      const past = date < today;
      return {
        key: date,
        align: 'center' as const,
        width: 110,
        onHeaderCell: () => ({ style: date === today ? { background: '#e6f4ff' } : undefined }),
        title: (
          <Space orientation="vertical" size={0}>
            <span>{dayjs(date).format('MM-DD')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {date === today ? t('duty.today') : dayjs(date).format('ddd')}
            </Typography.Text>
          </Space>
        ),
        render: (_: unknown, r: RosterRow) => {
          const status = draft[date]?.[r.userId] ?? 'off';
          return (
            <Space orientation="vertical" size={2}>
              <Button
                size="small"
                {...CELL_STYLE[status]}
                autoInsertSpace={false}
                disabled={past}
                onClick={() => setCell(date, r.userId, NEXT_STATUS[status])}
                data-testid={`duty-cell-${r.userId}-${date}`}
                data-status={status}
                style={{ minWidth: 64 }}
              >
                {t(`duty.status.${status}`)}
              </Button>
              {next === r.userId ? <Tag color="green">{t('duty.next')}</Tag> : null}
            </Space>
          );
        },
      };
    }),
  ];

  return (
    <Card
      size="small"
      data-testid="duty-roster"
      title={t('duty.rosterTitle', { name: group.name })}
      extra={
        <Space wrap>
          <Button icon={<LeftOutlined />} onClick={() => setWeekStart(weekStart.subtract(7, 'day'))} />
          <DatePicker
            picker="week"
            allowClear={false}
            value={weekStart}
            onChange={(d) => d && setWeekStart(d.startOf('week'))}
            data-testid="duty-week"
          />
          <Button icon={<RightOutlined />} onClick={() => setWeekStart(weekStart.add(7, 'day'))} />
          <Button onClick={() => setWeekStart(dayjs().startOf('week'))}>{t('duty.thisWeek')}</Button>
        </Space>
      }
    >
      <Table<RosterRow>
        rowKey="userId"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={query.isFetching}
        columns={columns}
        dataSource={rows}
        onRow={() => ({ 'data-testid': 'duty-roster-row' }) as HTMLAttributes<HTMLElement>}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('duty.assigned')}</Table.Summary.Cell>
            {dates.map((date, i) => (
              <Table.Summary.Cell key={date} index={i + 1} align="center">
                {dayOf(date)?.assignedCount ?? 0}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('duty.cellHint')}</Typography.Text>
        <Space>
          <Button
            icon={<TeamOutlined />}
            onClick={fillWeek}
            disabled={!group.members.length}
            data-testid="duty-roster-fill"
          >
            {t('duty.fillWeek')}
          </Button>
          <Button icon={<UndoOutlined />} disabled={!changes.length} onClick={() => setEdits(null)}>
            {t('common.reset')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!changes.length}
            loading={save.isPending}
            onClick={onSave}
            data-testid="duty-roster-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}
