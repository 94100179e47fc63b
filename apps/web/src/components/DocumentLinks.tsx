import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../app/api';
import { DOCUMENT_KINDS, type DocumentType } from '../app/documents';
import { StatusTag } from './StatusTag';

/** A linked document; outside the viewer's scope only its number (id, name and status are null). */
export interface LinkedDoc {
  type: DocumentType;
  id: number | null;
  no: string;
  name: string | null;
  status: string | null;
}

interface Links {
  sources: LinkedDoc[];
  followUps: LinkedDoc[];
}

/** GET /api/<documents>/:id/links: what a document was made from and what was made from it. */
export function useDocumentLinks(type: DocumentType, id: number) {
  return useQuery({
    queryKey: ['document-links', type, id],
    queryFn: ({ signal }) => apiFetch<Links>(`/api/${DOCUMENT_KINDS[type].api}/${id}/links`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    // Conversions elsewhere add follow-ups: read them afresh whenever the page opens.
    staleTime: 0,
  });
}

/** One linked document: type, number and title as a link, its status — or its number alone when out of scope. */
export function DocLink({ doc }: { doc: LinkedDoc }) {
  const { t } = useTranslation();
  const kind = DOCUMENT_KINDS[doc.type];
  const text = doc.name ? `${doc.no} ${doc.name}` : doc.no;
  return (
    <Space size={4} wrap data-testid={`doc-link-${doc.type}`}>
      <Typography.Text type="secondary">{t(`documents.type.${doc.type}`)}</Typography.Text>
      {doc.id === null ? (
        <Tooltip title={t('documents.notVisible')}>
          <Typography.Text>{text}</Typography.Text>
        </Tooltip>
      ) : (
        <>
          <Link to={kind.path(doc.id)}>{text}</Link>
          <StatusTag dict={kind.statusDict} value={doc.status} colors={kind.statusColors} />
        </>
      )}
    </Space>
  );
}

function DocList({ docs }: { docs: LinkedDoc[] }) {
  return (
    <Space orientation="vertical" size={2}>
      {docs.map((d) => (
        <DocLink key={`${d.type}-${d.no}-${d.id}`} doc={d} />
      ))}
    </Space>
  );
}

/**
 * A document's place in the sales chain (issue 11 item 3): the documents it was made from and
 * those made from it, each a link by number and title. Shows nothing while loading or when the
 * document stands alone; a failed read leaves the rest of the page alone.
 */
export function DocumentLinks({ type, id }: { type: DocumentType; id: number }) {
  const { t } = useTranslation();
  const query = useDocumentLinks(type, id);
  const links = query.data;
  if (!links || (links.sources.length === 0 && links.followUps.length === 0)) return null;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 16 }}
      data-testid="document-links"
      items={[
        ...(links.sources.length
          ? [{ key: 'sources', label: t('documents.sources'), children: <DocList docs={links.sources} /> }]
          : []),
        ...(links.followUps.length
          ? [{ key: 'followUps', label: t('documents.followUps'), children: <DocList docs={links.followUps} /> }]
          : []),
      ]}
    />
  );
}

/**
 * A source document inside a detail page's facts (e.g. a delivery note's order): a link when the
 * viewer may open it, plain text otherwise — decided by the server's links of the page's own
 * document (matched by kind, and by number when given), so no link leads to a 404.
 */
export function LinkedNo({
  of,
  source,
  no,
  suffix = '',
  children,
}: {
  of: { type: DocumentType; id: number };
  source: { type: DocumentType; id: number };
  no?: string;
  /** Appended to the document's path, e.g. '?tab=proposals'. */
  suffix?: string;
  children?: ReactNode;
}) {
  const links = useDocumentLinks(of.type, of.id).data;
  const doc = links?.sources.find((d) => d.type === source.type && (no === undefined || d.no === no));
  if (!doc || doc.id === null) return <span>{children ?? no}</span>;
  return <Link to={`${DOCUMENT_KINDS[source.type].path(source.id)}${suffix}`}>{children ?? no}</Link>;
}
