import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../../components/testId';

/** A secret in a copyable box (antd's copy works on plain-http LAN addresses too). */
export function SecretBox({ secret }: { secret: string }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'center',
        padding: '8px 12px',
        border: '1px solid rgba(5,5,5,0.15)',
        borderRadius: 6,
        background: 'rgba(0,0,0,0.02)',
      }}
    >
      <Typography.Text
        code
        style={{ flex: 1, minWidth: 0, wordBreak: 'break-all', fontSize: 13 }}
        copyable={{
          text: secret,
          tooltips: false,
          icon: [
            <Button key="copy" size="small" icon={<CopyOutlined />} data-testid="secret-copy">
              {t('integrations.copy')}
            </Button>,
            <Button key="copied" size="small" icon={<CheckOutlined />}>
              {t('integrations.copied')}
            </Button>,
          ],
        }}
      >
        <span data-testid="secret-value">{secret}</span>
      </Typography.Text>
    </div>
  );
}

/** Shows a secret with a warning, e.g. a new API token (shown once) or a webhook signing secret. */
export function SecretModal({
  secret,
  title,
  warning,
  children,
  onClose,
}: {
  secret: string | null;
  title: string;
  warning: string;
  children?: ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      onOk={onClose}
      okText={t('integrations.secretSaved')}
      okButtonProps={buttonTestId('secret-done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={warning} style={{ marginBottom: 12 }} />
      {secret ? <SecretBox secret={secret} /> : null}
      {children ? <div style={{ marginTop: 12 }}>{children}</div> : null}
    </Modal>
  );
}
