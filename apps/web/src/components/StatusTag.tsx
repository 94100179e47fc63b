import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export interface StatusTagProps {
  /** i18n namespace for the label, e.g. 'dict.customerClass'. */
  dict: string;
  value: string | null | undefined;
  colors?: Record<string, string>;
  testId?: string;
}

/** A coloured tag whose label is the translated dictionary value. */
export function StatusTag({ dict, value, colors, testId }: StatusTagProps) {
  const { t } = useTranslation();
  if (!value) return <span>-</span>;
  return (
    <Tag color={colors?.[value]} data-testid={testId}>
      {t(`${dict}.${value}`, { defaultValue: value })}
    </Tag>
  );
}

/** Plain translated dictionary text. */
export function DictText({ dict, value }: { dict: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <span>-</span>;
  return <span>{t(`${dict}.${value}`, { defaultValue: value })}</span>;
}
