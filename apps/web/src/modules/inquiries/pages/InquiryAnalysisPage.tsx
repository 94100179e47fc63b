import { Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { type Analysis, useInquiryAnalysis } from '../api';

const pct = (a: number, b: number) => (b ? `${((a * 100) / b).toFixed(1)}%` : '—');

/** 咨询分析 of a period: frequent questions, products asked about, conversion, reply-time compliance. */
export function InquiryAnalysisPage() {
  const { t } = useTranslation();
  const { sp, patch } = useListUrlState();
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  const q = useInquiryAnalysis({ from, to });
  const a = q.data;
  const f = (k: string) => t(`inquiries.analysis.${k}`);
  if (q.isError && !a) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const card = (title: string, children: React.ReactNode) => (
    <Col xs={24} lg={12}>
      <Card size="small" title={title}>
        {children}
      </Card>
    </Col>
  );
  return (
    <Card data-testid="inquiry-analysis">
      <PageHeader title={t('menu.inquiryAnalysis')} />
      <DatePicker.RangePicker
        allowClear={false}
        value={a ? [dayjs(a.from), dayjs(a.to)] : null}
        onChange={(v) => v?.[0] && v[1] && patch({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
        style={{ marginBottom: 16, maxWidth: '100%' }}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['total', 'answered', 'customers', 'opportunities'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small">
              <Statistic
                title={f(k)}
                value={a?.totals[k] ?? 0}
                suffix={
                  k === 'customers' || k === 'opportunities'
                    ? `(${pct(a?.totals[k] ?? 0, a?.totals.total ?? 0)})`
                    : undefined
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        {card(
          f('topics'),
          <Table<Analysis['topics'][number]>
            size="small"
            rowKey="topic"
            pagination={false}
            dataSource={a?.topics}
            columns={[
              { title: f('topic'), dataIndex: 'topic', render: (v: string) => t(`inquiries.topic.${v}`) },
              { title: f('count'), dataIndex: 'count', width: 80 },
            ]}
          />,
        )}
        {card(
          f('questions'),
          <Table<Analysis['questions'][number]>
            size="small"
            rowKey="question"
            pagination={false}
            dataSource={a?.questions}
            columns={[
              { title: f('question'), dataIndex: 'question', ellipsis: true },
              { title: f('count'), dataIndex: 'count', width: 80 },
            ]}
          />,
        )}
        {card(
          f('products'),
          <Table<Analysis['products'][number]>
            size="small"
            rowKey="productId"
            pagination={false}
            dataSource={a?.products}
            columns={[
              { title: f('product'), key: 'p', ellipsis: true, render: (_, r) => `${r.code} ${r.name}` },
              { title: f('count'), dataIndex: 'count', width: 70 },
              { title: f('customers'), dataIndex: 'customers', width: 90 },
            ]}
          />,
        )}
        {card(
          f('categories'),
          <Table<Analysis['categories'][number]>
            size="small"
            rowKey={(r) => r.category ?? '-'}
            pagination={false}
            dataSource={a?.categories}
            columns={[
              { title: f('category'), dataIndex: 'category', render: (v: string | null) => v ?? f('noCategory') },
              { title: f('count'), dataIndex: 'count', width: 80 },
            ]}
          />,
        )}
        <Col xs={24}>
          <Card size="small" title={f('compliance')}>
            <Table<Analysis['handlers'][number]>
              size="small"
              rowKey="handlerId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={a?.handlers}
              columns={[
                { title: f('handler'), dataIndex: 'name' },
                { title: f('online'), dataIndex: 'online' },
                { title: f('onTime'), dataIndex: 'onTime' },
                { title: f('late'), dataIndex: 'late' },
                { title: f('waiting'), dataIndex: 'waiting' },
                { title: f('rate'), key: 'rate', render: (_, r) => pct(r.onTime, r.onTime + r.late) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
