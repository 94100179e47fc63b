import { InboxOutlined } from '@ant-design/icons';
import { Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { uploadImport } from '../api';
import type { ImportTemplate } from '../types';

const MAX_MB = 20;

/** Step 1: pick or drop an .xlsx; it is uploaded with a progress bar and becomes an import job. */
export function UploadStep({ kind, onUploaded }: { kind: ImportTemplate; onUploaded: (id: number) => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <div data-testid="import-upload">
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        beforeUpload={(file) => {
          if (file.size > MAX_MB * 1024 * 1024) {
            handleError(new Error(t('imports.tooLarge', { mb: MAX_MB })));
            return false;
          }
          setPercent(0);
          uploadImport(kind, file, setPercent)
            .then((r) => onUploaded(r.id))
            .catch((e) => handleError(e))
            .finally(() => setPercent(null));
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.dropHere')}</p>
        <p className="ant-upload-hint">{t('imports.uploadHint', { mb: MAX_MB })}</p>
      </Upload.Dragger>
      {percent !== null ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('imports.uploading')}</Typography.Text>
          <Progress percent={percent} data-testid="import-upload-progress" />
        </div>
      ) : null}
    </div>
  );
}
