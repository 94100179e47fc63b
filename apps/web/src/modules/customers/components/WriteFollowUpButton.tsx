import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useContacts } from '../api';
import { FollowUpModal } from './FollowUpModal';

/** The contacts to pick from, read only once the modal opens. */
function Modal({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const contacts = useContacts(customerId);
  return <FollowUpModal customerId={customerId} contacts={contacts.data?.items ?? []} open onClose={onClose} />;
}

/** 写跟进: the rep's most frequent action, as the customer page's primary button (issue 11 item 3). */
export function WriteFollowUpButton({ customerId, size }: { customerId: number; size?: 'large' }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [open, setOpen] = useState(false);
  if (!hasPermission('followup.create')) return null;
  return (
    <>
      <Button
        type="primary"
        size={size}
        icon={<EditOutlined />}
        onClick={() => setOpen(true)}
        data-testid="customer-write-followup"
      >
        {t('customer.writeFollowUp')}
      </Button>
      {open ? <Modal customerId={customerId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
