import { FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Space } from 'antd';
import {
  Children,
  cloneElement,
  isValidElement,
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './useIsMobile';

// Phones only (the filters' bottom drawer): not part of a desktop list's download (issue 11).
const Drawer = lazy(() => import('antd/es/drawer'));

type ColElement = ReactElement<{ style?: React.CSSProperties }>;

/**
 * The fields of a list's filter form (each a <Col>), kept to one row (issue 11: the first row of
 * the list stays in view): the first `visible` fields and 查询 / 重置 / 更多筛选; the rest unfold
 * in place. On a phone only the first field (the keyword) shows and the rest open in a drawer.
 * Hidden fields stay mounted, so their values are kept and submitted.
 */
export function FilterFields({
  children,
  onReset,
  testIdPrefix,
  visible = 3,
  lg = 6,
}: {
  children: ReactNode;
  onReset: () => void;
  testIdPrefix: string;
  visible?: number;
  /** Width of the buttons' column on large screens (of 24). */
  lg?: number;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const form = Form.useFormInstance();
  const [open, setOpen] = useState(false);
  const fields = Children.toArray(children).filter(isValidElement) as ColElement[];
  const shown = mobile ? 1 : visible;
  const more = fields.length - shown;
  const hide = (el: ColElement, hidden: boolean) =>
    cloneElement(el, { style: { ...el.props.style, display: hidden ? 'none' : undefined } });

  // One line on a desktop (issue 11: the filters take one row): the toggle is a compact text link.
  const buttons = (
    <Space wrap={mobile} size={8}>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testIdPrefix}-search`}>
        {t('common.search')}
      </Button>
      <Button onClick={onReset} icon={<ReloadOutlined />} data-testid={`${testIdPrefix}-reset`}>
        {t('common.reset')}
      </Button>
      {more > 0 && (
        <Button
          type={mobile ? 'default' : 'link'}
          icon={mobile ? <FilterOutlined /> : undefined}
          onClick={() => setOpen((o) => !o)}
          style={mobile ? undefined : { paddingInline: 4 }}
          aria-expanded={mobile ? undefined : open}
          data-testid={`${testIdPrefix}-more-filters`}
        >
          {mobile ? t('common.filters') : open ? t('common.fewerFilters') : t('common.moreFilters')}
        </Button>
      )}
    </Space>
  );

  if (mobile) {
    return (
      <>
        <Row gutter={8}>
          {fields.slice(0, shown)}
          <Col span={24}>
            <Form.Item>{buttons}</Form.Item>
          </Col>
        </Row>
        <Suspense fallback={null}>
          <Drawer
            open={open}
            onClose={() => setOpen(false)}
            placement="bottom"
            size="large"
            forceRender
            title={t('common.filters')}
            footer={
              <Space>
                <Button
                  type="primary"
                  onClick={() => {
                    setOpen(false);
                    form.submit();
                  }}
                >
                  {t('common.search')}
                </Button>
                <Button onClick={onReset}>{t('common.reset')}</Button>
              </Space>
            }
          >
            <Row gutter={8}>{fields.slice(shown)}</Row>
          </Drawer>
        </Suspense>
      </>
    );
  }
  return (
    <Row gutter={16}>
      {fields.map((f, i) => hide(f, i >= shown && !open))}
      <Col xs={24} sm={12} lg={open ? lg : 6} style={{ display: 'flex', alignItems: 'flex-end' }}>
        <Form.Item>{buttons}</Form.Item>
      </Col>
    </Row>
  );
}
