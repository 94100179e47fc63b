import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate } from '../../../components/format';
import { useClaimCustomer } from '../api';

export interface ClaimButtonProps {
  customerId: number;
  /** While set the user may not claim the customer back (they gave it up recently). */
  blockedUntil: string | null;
  testId: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

/** 领取: claims a pool customer and opens it (its contact details are then in clear). */
export function ClaimButton({ customerId, blockedUntil, testId, size, type = 'primary' }: ClaimButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const claim = useClaimCustomer();
  const handleError = useApiErrorHandler();

  const onClaim = () =>
    claim.mutate(customerId, {
      onSuccess: (res) => {
        message.success(t('pool.claimed'));
        navigate(`/customers/${res.id}`);
      },
      onError: (e) => {
        handleError(e);
        // taken meanwhile (or gone): show the pool as it is now
        if (isApiError(e, 409) || isApiError(e, 404)) void qc.invalidateQueries({ queryKey: ['pool'] });
      },
    });

  const button = (
    <Button
      type={type}
      size={size}
      icon={<DownloadOutlined />}
      disabled={!!blockedUntil}
      loading={claim.isPending}
      onClick={(e) => {
        e.stopPropagation();
        onClaim();
      }}
      data-testid={testId}
    >
      {t('pool.claim')}
    </Button>
  );
  if (!blockedUntil) return button;
  return <Tooltip title={t('pool.blockedUntil', { date: formatDate(blockedUntil) })}>{button}</Tooltip>;
}
