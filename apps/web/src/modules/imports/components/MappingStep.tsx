import { Button, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { IMPORT_COLUMNS, type ImportJob, type ImportTemplate } from '../types';

/**
 * Step 2: which field each column of the sheet fills (recognised headers and the user's last
 * mapping for this template are proposed by the server); a field can take one column only.
 */
export function MappingStep({
  kind,
  job,
  busy,
  onDryRun,
}: {
  kind: ImportTemplate;
  job: ImportJob;
  busy: boolean;
  onDryRun: (mapping: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<Record<string, string | null>>(job.mapping);
  useEffect(() => setMapping(job.mapping), [job.mapping]);
  const used = useMemo(() => new Set(Object.values(mapping).filter(Boolean)), [mapping]);
  const lang = currentLanguage();
  const options = [
    { value: '', label: t('imports.skipColumn') },
    ...IMPORT_COLUMNS[kind].map((c) => ({
      value: c.key,
      label: c.headers[lang],
      disabled: used.has(c.key),
    })),
  ];
  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !used.has(c.key)).map((c) => c.headers[lang]);
  const rows = job.headers.filter(Boolean).map((h) => ({ header: h }));
  return (
    <div data-testid="import-mapping">
      <Typography.Paragraph type="secondary">{t('imports.mappingHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('imports.sheetColumn'), dataIndex: 'header', width: '45%' },
          {
            title: t('imports.field'),
            key: 'field',
            render: (_, r) => (
              <Select
                style={{ width: '100%', maxWidth: 240 }}
                value={mapping[r.header] ?? ''}
                options={options}
                onChange={(v) => setMapping((m) => ({ ...m, [r.header]: v || null }))}
                data-testid={`map-${r.header}`}
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        loading={busy}
        disabled={missing.length > 0}
        onClick={() => onDryRun(mapping)}
        data-testid="import-dry-run"
      >
        {t('imports.dryRun')}
      </Button>
      {missing.length > 0 ? (
        <Typography.Text type="danger" style={{ marginLeft: 12 }}>
          {t('imports.fieldsRequired', { fields: missing.join('、') })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
