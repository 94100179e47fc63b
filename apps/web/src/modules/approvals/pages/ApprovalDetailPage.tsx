import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Divider, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalFacts, docTypeLabelKey } from '../../../components/ApprovalFacts';
import { APPROVAL_STATUS_COLORS, ApprovalPanel } from '../../../components/ApprovalPanel';
import { formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApprovalInstance } from '../api';

export function ApprovalDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const query = useApprovalInstance(id);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const inst = query.data;
  const current = inst.status === 'pending' ? inst.steps[inst.currentStep]?.name : null;
  const label = (f: string) => t(`approval.fields.${f}`);

  return (
    <Card>
      <PageHeader
        onBack={() => navigate('/approvals')}
        title={<span data-testid="approval-summary">{inst.summary}</span>}
        subTitle={t(docTypeLabelKey(inst.docType), { defaultValue: inst.docType })}
        tags={
          <Tag color={APPROVAL_STATUS_COLORS[inst.status]} data-testid="approval-status">
            {t(`approval.status.${inst.status}`, { defaultValue: inst.status })}
          </Tag>
        }
        extra={
          inst.link ? (
            <Button
              icon={<FileSearchOutlined />}
              onClick={() => navigate(inst.link as string)}
              data-testid="approval-open-document"
            >
              {t('approval.viewDocument')}
            </Button>
          ) : null
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'applicant', label: label('applicant'), children: inst.applicantName },
          { key: 'rule', label: label('rule'), children: orDash(inst.ruleName) },
          { key: 'createdAt', label: label('submittedAt'), children: formatDateTime(inst.createdAt) },
          current
            ? { key: 'current', label: label('currentStep'), children: current }
            : { key: 'finishedAt', label: label('finishedAt'), children: formatDateTime(inst.finishedAt) },
        ]}
      />
      <Typography.Title level={5}>{t('approval.factsTitle')}</Typography.Title>
      <ApprovalFacts facts={inst.facts} maskedFacts={inst.maskedFacts} />
      <Divider />
      <ApprovalPanel instance={inst} />
    </Card>
  );
}
