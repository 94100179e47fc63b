import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { useIsMobile } from '../../../components/useIsMobile';
import { MILESTONE_HANDLE } from '../constants';
import type { MilestoneProcess, MilestoneStep } from '../types';
import { CompleteStepModal } from './CompleteStepModal';

/** The steps of one process: due date (working days), late mark, who completed it and its documents. */
export function MilestoneProcessView({ process }: { process: MilestoneProcess }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [completing, setCompleting] = useState<MilestoneStep | null>(null);
  const f = (k: string) => t(`milestones.fields.${k}`);
  const mobile = useIsMobile();
  const docs = (s: MilestoneStep) =>
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
    );
  const done = (s: MilestoneStep) =>
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
    );
  const due = (s: MilestoneStep) => (
    <Space size={4}>
      {formatDate(s.dueDate)}
      {s.late ? <Tag color="error">{t('milestones.late')}</Tag> : null}
    </Space>
  );
  // A phone shows each step as a card (no sideways scrolling).
  if (mobile)
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="milestone-steps">
        {(process.steps ?? []).map((s) => (
          <Card key={s.id} size="small" title={`${s.seq}. ${s.name}`}>
            <Space direction="vertical" size={4}>
              <span>
                {f('department')}：{orDash(s.departmentName)}
              </span>
              <span>
                {f('dueDate')}：{due(s)}
              </span>
              <span>
                {f('documents')}：{docs(s)}
              </span>
              {done(s)}
            </Space>
          </Card>
        ))}
        <CompleteStepModal process={process} step={completing} onClose={() => setCompleting(null)} />
      </Space>
    );
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
            render: (_: string, s) => due(s),
          },
          {
            title: f('documents'),
            key: 'documents',
            render: (_: unknown, s) => docs(s),
          },
          {
            title: f('done'),
            key: 'done',
            render: (_: unknown, s) => done(s),
          },
        ]}
      />
      <CompleteStepModal process={process} step={completing} onClose={() => setCompleting(null)} />
    </>
  );
}
