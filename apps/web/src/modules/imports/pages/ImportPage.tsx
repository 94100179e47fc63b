import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Result, Select, Space, Steps, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { useIsMobile } from '../../../components/useIsMobile';
import { BUSY, importKeys, useImportJob, useImportStep } from '../api';
import { ImportHistory, STATUS_COLORS } from '../components/ImportHistory';
import { MappingStep } from '../components/MappingStep';
import { ProblemsTable } from '../components/ProblemsTable';
import { UploadStep } from '../components/UploadStep';
import { IMPORT_PATHS, IMPORT_PERMISSIONS } from '../kinds';
import { IMPORT_TEMPLATES, type ImportJob, type ImportTemplate } from '../types';

const STEP_OF: Record<string, number> = {
  analysing: 0,
  mapping: 1,
  validating: 2,
  validated: 2,
  invalid: 2,
  committing: 3,
  committed: 3,
  failed: 1,
};

/** The running step's progress bar: rows done of the rows in the file. */
function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const total = Math.max(job.totalRows, job.processedRows, 1);
  const percent = job.status === 'analysing' ? undefined : Math.min(100, Math.floor((job.processedRows / total) * 100));
  return (
    <div data-testid="import-progress">
      <Typography.Text>
        {t(`imports.working.${job.status}`, {
          done: job.processedRows.toLocaleString(),
          total: job.totalRows.toLocaleString(),
        })}
      </Typography.Text>
      <Progress percent={percent ?? 100} status="active" showInfo={percent !== undefined} />
    </div>
  );
}

/**
 * 数据导入 (SPEC 1.9): pick what to import (the kinds the user may run) → upload → column mapping →
 * dry run (problems by row and column) → all-or-nothing commit.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useAuth();
  const kinds = useMemo(() => IMPORT_TEMPLATES.filter((k) => hasPermission(IMPORT_PERMISSIONS[k])), [hasPermission]);
  const [chosen, setKind] = useState<ImportTemplate | null>(null);
  const kind = chosen ?? kinds[0] ?? 'customers';
  const [jobId, setJobId] = useState<number | null>(null);
  const { data: job } = useImportJob(kind, jobId);
  const step = useImportStep(kind, jobId ?? 0);
  const base = IMPORT_PATHS[kind];
  const qc = useQueryClient();
  // The history shows each job's state: refresh it whenever the open job moves on.
  const status = job?.status;
  useEffect(() => {
    if (status) qc.invalidateQueries({ queryKey: [...importKeys.all, 'list'] });
  }, [status, qc]);
  const download = (path: string, name: string) => apiDownload(path, {}, name).catch((e) => handleError(e));
  const start = (s: 'dry-run' | 'commit', body?: unknown) =>
    step.mutate({ step: s, body }, { onError: (e) => handleError(e) });
  const reset = () => setJobId(null);

  const content = () => {
    if (!jobId || !job) return <UploadStep kind={kind} onUploaded={setJobId} />;
    if (BUSY.has(job.status)) return <JobProgress job={job} />;
    switch (job.status) {
      case 'mapping':
        return (
          <MappingStep
            kind={kind}
            job={job}
            busy={step.isPending}
            onDryRun={(mapping) => start('dry-run', { mapping })}
          />
        );
      case 'validated':
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="success" showIcon message={t('imports.validated', { n: job.totalRows.toLocaleString() })} />
            <Space wrap>
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => start('commit')}
                data-testid="import-commit"
              >
                {t('imports.commit')}
              </Button>
              <Button onClick={() => start('dry-run', { mapping: job.mapping })}>{t('imports.dryRunAgain')}</Button>
            </Space>
          </Space>
        );
      case 'invalid':
        return (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="import-invalid">
            <Alert
              type="error"
              showIcon
              message={t('imports.invalid', { n: job.errorCount.toLocaleString() })}
              description={t('imports.invalidHint')}
            />
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => download(`${base}/${job.id}/report`, 'import-problems.xlsx')}
              >
                {t('imports.downloadReport')}
              </Button>
              <Button onClick={reset} data-testid="import-again">
                {t('imports.uploadFixed')}
              </Button>
            </Space>
            <ProblemsTable kind={kind} jobId={job.id} />
          </Space>
        );
      case 'committed':
        return (
          <Result
            status="success"
            title={t(`imports.committedKind.${kind}`, { n: job.createdCount.toLocaleString() })}
            data-testid="import-committed"
            extra={[
              <Button
                key="result"
                icon={<DownloadOutlined />}
                onClick={() => download(`${base}/${job.id}/result`, 'import-result.xlsx')}
              >
                {t('imports.downloadResult')}
              </Button>,
              <Button key="again" type="primary" onClick={reset}>
                {t('imports.newImport')}
              </Button>,
            ]}
          />
        );
      default:
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type="error"
              showIcon
              message={t(`imports.failure.${(job.failure ?? 'import.failed').replace(/\./g, '_')}`)}
            />
            <Button onClick={reset}>{t('imports.newImport')}</Button>
          </Space>
        );
    }
  };

  return (
    <div data-testid="import-page">
      <PageHeader
        title={t('imports.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(`${base}/template`, `${t(`imports.kind.${kind}`)}-${t('imports.templateFile')}.xlsx`)
            }
          >
            {t('imports.downloadTemplate')}
          </Button>
        }
      />
      <Card
        title={
          job ? (
            <Space wrap>
              <span>{job.fileName}</span>
              <Tag color={STATUS_COLORS[job.status]}>{t(`imports.status.${job.status}`)}</Tag>
            </Space>
          ) : (
            <Select<ImportTemplate>
              value={kind}
              onChange={(k) => {
                setKind(k);
                setJobId(null);
              }}
              options={kinds.map((k) => ({ value: k, label: t(`imports.kind.${k}`) }))}
              style={{ minWidth: isMobile ? 200 : 240 }}
              aria-label={t('imports.kindLabel')}
              data-testid="import-kind"
            />
          )
        }
        style={{ marginBottom: 16 }}
      >
        <Steps
          size="small"
          direction={isMobile ? 'vertical' : 'horizontal'}
          current={job ? STEP_OF[job.status] : 0}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('imports.steps.upload') },
            { title: t('imports.steps.mapping') },
            { title: t('imports.steps.dryRun') },
            { title: t('imports.steps.commit') },
          ]}
        />
        {content()}
      </Card>
      <Card title={t('imports.history')}>
        <ImportHistory kind={kind} onOpen={setJobId} />
      </Card>
    </div>
  );
}
