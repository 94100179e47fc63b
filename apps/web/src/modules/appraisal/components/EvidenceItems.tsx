import type { EvidenceRecord } from '@sales/core';
import { formatMoney } from '@sales/core';
import { Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../app/i18n';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { EVIDENCE_LINKS } from '../constants';
import type { ResultItem } from '../types';

/** How the item was worked out, in words: target, actual, the seed's rule, the counts. */
function Basis({ item }: { item: ResultItem }) {
  const { t } = useTranslation();
  const e = item.evidence;
  const money = (v: string | null | undefined) => `¥${formatMoney(v ?? '0', currentLanguage())}`;
  if (item.kind !== 'auto') return <span style={{ whiteSpace: 'pre-wrap' }}>{item.note}</span>;
  if (e.rule === 'linear' || e.rule === 'threshold') return <ScoredBasis item={item} />;
  if (item.indicator === 'revenue' || item.indicator === 'profit' || item.indicator === 'export') {
    if (e.state === 'no_target') return <span>{t(`appraisal.basis.noTarget.${item.indicator}`)}</span>;
    return (
      <span>
        {t('appraisal.basis.target', {
          target: money(e.target),
          actual: money(e.actual),
          percent: e.completionPercent,
          below: e.percentsBelow,
          per: e.pointsPerPercent,
        })}
        {e.capped ? t('appraisal.basis.capped', { cap: e.cap }) : ''}
      </span>
    );
  }
  if (item.indicator === 'complaints')
    return (
      <span>
        {t('appraisal.basis.complaints', { general: e.counts?.general ?? 0, serious: e.counts?.serious ?? 0 })}
        {e.capped ? t('appraisal.basis.capped', { cap: e.cap }) : ''}
      </span>
    );
  if (item.indicator === 'returns')
    return !e.counts?.returns ? (
      <span>{t('appraisal.basis.returnsNone')}</span>
    ) : (
      <span>
        {t('appraisal.basis.returns', { n: e.counts?.returns ?? 0, per: e.records?.[0]?.points ?? '-' })}
        {e.capped ? t('appraisal.basis.capped', { cap: e.cap }) : ''}
      </span>
    );
  const n = Object.values(e.counts ?? {}).reduce((a, b) => a + b, 0);
  return (
    <span>
      {t('appraisal.basis.discipline', { n })}
      {e.capped ? t('appraisal.basis.capped', { cap: e.cap }) : ''}
    </span>
  );
}

/** A scored indicator (linear to target, or bands): the figures, the rule applied, the counts. */
function ScoredBasis({ item }: { item: ResultItem }) {
  const { t } = useTranslation();
  const e = item.evidence;
  const fig = (v: string | null | undefined) => {
    if (v === null || v === undefined) return '—';
    if (e.unit === 'money') return `¥${formatMoney(v, currentLanguage())}`;
    // Counts and quantities read as whole numbers when they are (2.00 customers → 2).
    const n = e.unit === 'count' || e.unit === 'qty' ? String(Number(v)) : v;
    return t(`appraisal.unit.${e.unit ?? 'count'}`, { v: n });
  };
  const lines: string[] = [];
  if (e.state === 'no_target') lines.push(t('appraisal.basis.linearNoTarget'));
  else if (e.state === 'no_data') lines.push(t('appraisal.basis.noData'));
  else if (e.rule === 'linear')
    lines.push(
      t('appraisal.basis.linear', {
        target: fig(e.target),
        actual: fig(e.actual),
        percent: e.completionPercent,
        weight: e.weight,
        cap: e.capRatio,
      }),
    );
  else if (e.band)
    lines.push(
      e.basis === 'percent'
        ? t('appraisal.basis.thresholdPercent', {
            target: fig(e.target),
            actual: fig(e.actual),
            percent: e.completionPercent,
            from: e.band.from,
            points: e.band.points,
          })
        : t('appraisal.basis.threshold', { actual: fig(e.actual), from: e.band.from, points: e.band.points }),
    );
  else {
    const lowest = [...(e.bands ?? [])].sort((a, b) => Number(a.from) - Number(b.from))[0];
    lines.push(t('appraisal.basis.thresholdNone', { actual: fig(e.actual), from: lowest?.from ?? '—' }));
  }
  if (e.rule === 'threshold' && e.bands?.length)
    lines.push(
      t('appraisal.basis.bands', {
        bands: e.bands.map((b) => t('appraisal.bandItem', { from: b.from, points: b.points })).join('、'),
      }),
    );
  if (e.previous !== undefined)
    lines.push(
      t('appraisal.basis.previous', {
        previous: e.previous === null ? '—' : `¥${formatMoney(e.previous, currentLanguage())}`,
      }),
    );
  const c = e.counts;
  if (item.indicator === 'sla_response' && c)
    lines.push(t('appraisal.basis.slaCounts', { met: c.met, breached: c.breached }));
  if (item.indicator === 'satisfaction' && c) lines.push(t('appraisal.basis.visits', { n: c.visits }));
  if (item.indicator === 'training' && c)
    lines.push(t('appraisal.basis.training', { assessed: c.assessed, passed: c.passed }));
  return (
    <Space direction="vertical" size={2} data-testid="appraisal-item-basis">
      {lines.map((l) => (
        <span key={l}>{l}</span>
      ))}
    </Space>
  );
}

/** One record behind a figure, linking to its page. */
function RecordLine({ r }: { r: EvidenceRecord }) {
  const { t } = useTranslation();
  const label =
    r.type === 'complaint' && r.label
      ? t(`appraisal.severity.${r.label}`)
      : r.type === 'discipline_record' && r.label
        ? t(`discipline.level.${r.label}`)
        : r.type === 'sales_return' && r.label
          ? t(`returns.reason.${r.label}`)
          : null;
  return (
    <Flex wrap gap={8} align="center" data-testid="appraisal-evidence-record">
      <Tag>{t(`appraisal.recordType.${r.type}`)}</Tag>
      <Link to={`${EVIDENCE_LINKS[r.type]}/${r.id}`}>{r.no}</Link>
      {r.date && <Typography.Text type="secondary">{formatDate(r.date)}</Typography.Text>}
      {label && <span>{label}</span>}
      {r.amount && <MoneyText value={r.amount} />}
      {r.points && <span>{t('appraisal.pointsOff', { points: r.points })}</span>}
    </Flex>
  );
}

/** The result's items as cards (every size): indicator, points, how, and the records behind it. */
export function EvidenceItems({ items }: { items: ResultItem[] }) {
  const { t } = useTranslation();
  return (
    <List
      data-testid="appraisal-items"
      grid={{ gutter: 12, xs: 1, md: 2 }}
      dataSource={items}
      renderItem={(item) => {
        const records = item.evidence.records ?? [];
        const pts = Number(item.points);
        return (
          <List.Item>
            <Card
              size="small"
              data-testid={`appraisal-item-${item.indicator}`}
              title={
                <Space size={4} wrap>
                  <span>
                    {item.kind === 'auto'
                      ? t(`appraisal.indicator.${item.indicator}`)
                      : (item.label ?? t(`appraisal.itemKind.${item.kind}`))}
                  </span>
                  {item.kind !== 'auto' && <Tag>{t(`appraisal.itemKind.${item.kind}`)}</Tag>}
                </Space>
              }
              extra={
                <Typography.Text type={pts < 0 ? 'danger' : pts > 0 ? 'success' : 'secondary'} strong>
                  {t('appraisal.pointsValue', { points: pts > 0 ? `+${item.points}` : item.points })}
                </Typography.Text>
              }
            >
              <Space direction="vertical" size={6} style={{ width: '100%' }}>
                <Basis item={item} />
                {item.kind !== 'auto' && (
                  <Typography.Text type="secondary">{`${item.createdByName} · ${t('appraisal.revisionLabel', { n: item.revision })}`}</Typography.Text>
                )}
                {records.map((r) => (
                  <RecordLine key={`${r.type}-${r.id}`} r={r} />
                ))}
              </Space>
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
