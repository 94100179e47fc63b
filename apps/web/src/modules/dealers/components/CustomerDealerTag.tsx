import { ShopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useDealerOfCustomer } from '../api';
import { DEALER_VIEW } from '../constants';

/** On a customer's page: the dealer outlet this account is (SPEC 5.5), linking to it; nothing if none in scope. */
export function CustomerDealerTag({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const dealer = useDealerOfCustomer(customerId, hasPermission(DEALER_VIEW));
  if (!dealer.data) return null;
  return (
    <Tag icon={<ShopOutlined />} color="geekblue" data-testid="customer-dealer">
      <Link to={`/dealers/${dealer.data.id}`}>
        {t('dealers.customerTag', { no: dealer.data.no, name: dealer.data.name })}
      </Link>
    </Tag>
  );
}
