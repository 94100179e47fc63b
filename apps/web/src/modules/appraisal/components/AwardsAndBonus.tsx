import { TrophyOutlined } from '@ant-design/icons';
import { formatMoney } from '@sales/core';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../app/i18n';
import { MoneyText } from '../../../components/MoneyText';
import type { AwardWinner, Bonus, BonusRules } from '../types';

/** A result's bonus: the amount with thousands separators, the coefficient, and whether it was capped. */
export function BonusText({ bonus }: { bonus: Bonus }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid="appraisal-bonus">
      <MoneyText value={bonus.amount} />
      <Typography.Text type="secondary">
        {t('appraisal.bonusValue', { coefficient: bonus.coefficient })}
      </Typography.Text>
      {bonus.capped && <Tag color="orange">{t('appraisal.bonusCapped')}</Tag>}
    </Space>
  );
}

/** The bonus formula in words, with the current policies' figures. */
export function BonusRuleText({ rules }: { rules: BonusRules }) {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const m = (v: string) => formatMoney(v, lang, { symbol: true });
  const tiers = [...rules.tiers]
    .sort((a, b) => Number(b.minScore) - Number(a.minScore))
    .map((x) => t('appraisal.tierItem', { score: x.minScore, coefficient: x.coefficient }))
    .join(lang === 'en-US' ? ', ' : '，');
  return (
    <span>{t('appraisal.bonusRule', { base: m(rules.base), cap: m(rules.cap), tiers, pass: rules.passMark })}</span>
  );
}

function basisText(t: (k: string, o?: Record<string, unknown>) => string, a: AwardWinner) {
  const b = a.basis;
  if (a.award === 'sales_champion') return t('appraisal.awardBasis.score', { score: b.score });
  if (a.award === 'best_customer_development') return t('appraisal.awardBasis.newCustomers', { n: b.newCustomers });
  return b.satisfaction
    ? t('appraisal.awardBasis.serviceSatisfaction', { satisfaction: b.satisfaction, points: b.complaintPoints })
    : t('appraisal.awardBasis.service', { points: b.complaintPoints });
}

/** The run's awards (销售冠军, 最佳客户开发, 最佳服务), each with the figure it was chosen by. */
export function AwardsCard({ awards }: { awards: AwardWinner[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('appraisal.awardsTitle')} data-testid="appraisal-awards">
      {awards.length === 0 ? (
        <Typography.Text type="secondary">{t('appraisal.noAwards')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={awards}
          renderItem={(a) => (
            <List.Item data-testid={`appraisal-award-${a.award}`}>
              <Space wrap>
                <TrophyOutlined style={{ color: '#d4b106' }} />
                <Tag color="gold">{t(`appraisal.award.${a.award}`)}</Tag>
                <Typography.Text strong>{a.personName}</Typography.Text>
                <Typography.Text type="secondary">{basisText(t, a)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('appraisal.awardRule')}
      </Typography.Paragraph>
    </Card>
  );
}
