import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { useDocuments } from '../api';
import { DocumentModal } from '../components/DocumentModals';
import { DOCUMENT_KINDS, DOCUMENT_MANAGE } from '../constants';
import type { DocumentRow } from '../types';

/** 受控文件清单: every controlled document with its current version and the copies held (old ones to withdraw). */
export function DocumentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const kind = sp.get('kind') ?? undefined;
  const keyword = sp.get('keyword') ?? undefined;
  const heldByMe = sp.get('heldByMe') === 'true';
  const list = useDocuments({ kind, keyword, heldByMe: heldByMe || undefined, page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`quality.fields.${k}`);
  const columns: ColumnsType<DocumentRow> = [
    {
      title: f('code'),
      dataIndex: 'code',
      key: 'code',
      width: 160,
      render: (v: string, r) => <Link to={`/quality/documents/${r.id}`}>{v}</Link>,
    },
    { title: f('docTitle'), dataIndex: 'title', width: 220, ellipsis: true },
    { title: f('currentVersion'), dataIndex: 'currentLabel', width: 100 },
    { title: f('effectiveDate'), dataIndex: 'effectiveDate', width: 110, render: (v: string) => formatDate(v) },
    { title: f('copyCount'), dataIndex: 'copies', width: 90, align: 'right' },
    {
      title: f('outdatedCount'),
      dataIndex: 'outdatedCopies',
      width: 120,
      align: 'right',
      render: (v: number) => (v > 0 ? <Tag color="orange">{v}</Tag> : v),
    },
    { title: f('docKind'), dataIndex: 'kind', width: 100, render: (v: string) => t(`quality.docKind.${v}`) },
    { title: f('ownerDept'), dataIndex: 'deptName', width: 110 },
    { title: f('changeNo'), dataIndex: 'changeNo', width: 90, align: 'right' },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.qualityDocuments')}
        extra={
          hasPermission(DOCUMENT_MANAGE) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="document-new">
              {t('quality.docSteps.create')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={keyword}
          placeholder={t('quality.documentSearch')}
          style={{ width: 220 }}
          onSearch={(v) => patch({ keyword: v.trim() || undefined })}
          data-testid="document-search"
        />
        <Select
          allowClear
          placeholder={f('docKind')}
          style={{ width: 140 }}
          value={kind}
          onChange={(v) => patch({ kind: v })}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`quality.docKind.${k}`) }))}
        />
        <Checkbox checked={heldByMe} onChange={(e) => patch({ heldByMe: e.target.checked ? 'true' : undefined })}>
          {t('quality.heldByMe')}
        </Checkbox>
      </Flex>
      <DataTable<DocumentRow>
        data-testid="documents-table"
        rowTestId="document-row"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="title"
        onRowClick={(r) => navigate(`/quality/documents/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {creating && (
        <DocumentModal
          step="create"
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/quality/documents/${id}`)}
        />
      )}
    </Card>
  );
}
