import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOW_COLORS } from '../api';

export interface LeaveReasonProps {
  how: string | null;
  reason: string | null;
}

/** Why a customer went to the pool: released (free text), reclaimed (a reason code) or moved by a manager. */
export function LeaveReason({ how, reason }: LeaveReasonProps) {
  const { t } = useTranslation();
  if (!how) return <span>-</span>;
  const text = how === 'reclaim' && reason ? t(`pool.reclaimReason.${reason}`, { defaultValue: reason }) : reason;
  return (
    <Space size={4} data-testid="pool-leave-reason">
      <Tag color={HOW_COLORS[how]}>{t(`pool.how.${how}`, { defaultValue: how })}</Tag>
      {text ? (
        <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 240 }}>
          {text}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
