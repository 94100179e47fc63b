import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageHeaderProps {
  title: ReactNode;
  subTitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  onBack?: () => void;
  children?: ReactNode;
}

export function PageHeader({ title, subTitle, tags, extra, onBack, children }: PageHeaderProps) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }} data-testid="page-header">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space size="middle" align="center" wrap>
          {onBack ? (
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('common.back')} />
          ) : null}
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {subTitle ? <Typography.Text type="secondary">{subTitle}</Typography.Text> : null}
          {tags}
        </Space>
        {extra ? <Space wrap>{extra}</Space> : null}
      </Flex>
      {children ? <div style={{ marginTop: 12 }}>{children}</div> : null}
    </div>
  );
}
