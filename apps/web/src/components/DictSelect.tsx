import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

export interface DictSelectProps extends Omit<SelectProps<string>, 'options'> {
  /** i18n namespace of the labels, e.g. 'dict.source'. */
  dict: string;
  values: readonly string[];
  testId?: string;
}

/** Select over a fixed dictionary with translated labels. */
export function DictSelect({ dict, values, testId, ...rest }: DictSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pleaseSelect')}
      data-testid={testId}
      options={values.map((v) => ({ value: v, label: t(`${dict}.${v}`, { defaultValue: v }) }))}
      {...rest}
    />
  );
}
