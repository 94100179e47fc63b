import { Card, DatePicker, Empty, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useMissingWorkPlans, useWorkPlans } from '../api';
import { workPlanColumns } from '../components/workPlanColumns';
import { WORKPLAN_STATUS_COLORS } from '../constants';
import type { WorkPlan } from '../types';

/** 团队月度工作计划: who in my scope has not submitted the month's plan, and the plans submitted. */
export function TeamWorkPlansPage() {
  const { t } = useTranslation();
  const { sp, page, pageSize, patch } = useListUrlState();
  const month = sp.get('month') ?? dayjs().add(1, 'month').format('YYYY-MM');
  const missing = useMissingWorkPlans(month);
  const list = useWorkPlans({ page, pageSize, month });
  return (
    <Card>
      <PageHeader
        title={t('menu.workPlansTeam')}
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => patch({ month: d ? d.format('YYYY-MM') : undefined, page: undefined })}
            data-testid="team-workplan-month"
          />
        }
      />
      <Typography.Title level={5}>
        {t('workPlans.missingTitle', { month, due: missing.data?.dueDate ?? '' })}
      </Typography.Title>
      {missing.data?.items.length ? (
        <List
          data-testid="workplans-missing"
          size="small"
          bordered
          style={{ marginBottom: 16 }}
          dataSource={missing.data.items}
          footer={missing.data.more ? t('workPlans.moreMissing', { n: missing.data.items.length }) : undefined}
          renderItem={(i) => (
            <List.Item>
              <Space wrap>
                <strong>{i.name}</strong>
                <span>{i.deptName}</span>
                <StatusTag dict="workPlans.status" value={i.status} colors={WORKPLAN_STATUS_COLORS} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('workPlans.noneMissing')}
          style={{ marginBottom: 16 }}
        />
      )}
      <DataTable<WorkPlan>
        data-testid="team-workplans-table"
        columns={workPlanColumns(t, true)}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
    </Card>
  );
}
