import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from './AuthContext';
import { currentLanguage, LANGUAGES, type Language } from './i18n';

export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t, i18n } = useTranslation();
  const { setLocale } = useAuth();
  const lang = currentLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [i18n.language],
        items: LANGUAGES.map((l) => ({
          key: l,
          label: <span data-testid={`lang-option-${l}`}>{t(`lang.${l}`)}</span>,
        })),
        onClick: ({ key }) => void setLocale(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={t('lang.label')}
        style={light ? undefined : { color: 'inherit' }}
      >
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
