import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MILESTONE_HANDLE } from '../constants';
import type { MilestoneProcess, MilestoneStep } from '../types';
import { CompleteStepModal } from './CompleteStepModal';

/** The steps of one process: due date (working days), late mark, who completed it and its documents. */
export function MilestoneProcessView({ process }: { process: MilestoneProcess }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [completing, setCompleting] = useState<MilestoneStep | null>(null);
  const f = (k: string) => t(`milestones.fields.${k}`);
  return (
    <>
      <Table<MilestoneStep>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={process.steps ?? []}
        data-testid="milestone-steps"
        columns={[
          { title: '#', dataIndex: 'seq', width: 48 },
          { title: f('step'), dataIndex: 'name' },
          { title: f('department'), dataIndex: 'departmentName', render: (v: string | null) => orDash(v) },
          {
            title: f('dueDate'),
            dataIndex: 'dueDate',
            render: (v: string, s) => (
              <Space size={4}>
                {formatDate(v)}
                {s.late ? <Tag color="error">{t('milestones.late')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: f('documents'),
            key: 'documents',
            render: (_: unknown, s) =>
              s.documents.length ? (
                <Space direction="vertical" size={0}>
                  {s.documents.map((d) => (
                    <a key={d.id} href={`/api/attachments/${d.id}`} target="_blank" rel="noreferrer">
                      {d.name}
                    </a>
                  ))}
                </Space>
              ) : s.requiredDocuments.length ? (
                t('milestones.needs', { names: s.requiredDocuments.join('、') })
              ) : (
                '-'
              ),
          },
          {
            title: f('done'),
            key: 'done',
            render: (_: unknown, s) =>
              s.completedAt ? (
                <span>
                  {formatDateTime(s.completedAt)} {s.completedByName}
                </span>
              ) : hasPermission(MILESTONE_HANDLE) ? (
                <Button size="small" onClick={() => setCompleting(s)} data-testid={`step-complete-${s.seq}`}>
                  {t('milestones.complete.action')}
                </Button>
              ) : (
                <Tag>{t('milestones.open')}</Tag>
              ),
          },
        ]}
      />
      <CompleteStepModal process={process} step={completing} onClose={() => setCompleting(null)} />
    </>
  );
}
