import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Col, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 查询 / 重置 buttons closing a list filter form, aligned with the last row of fields. */
export function FilterActions({
  onReset,
  testIdPrefix,
  lg = 6,
}: {
  onReset: () => void;
  testIdPrefix: string;
  lg?: number;
}) {
  const { t } = useTranslation();
  return (
    <Col xs={24} sm={12} lg={lg} style={{ display: 'flex', alignItems: 'flex-end' }}>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testIdPrefix}-search`}>
            {t('common.search')}
          </Button>
          <Button onClick={onReset} icon={<ReloadOutlined />} data-testid={`${testIdPrefix}-reset`}>
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Col>
  );
}
