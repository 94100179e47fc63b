import { Tag, Typography } from 'antd';
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
    // Wraps and shrinks (the text is a flex item with overflow hidden, so it may shrink below its
    // length): in a phone's card the reason must fit beside its label.
    <span
      style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', maxWidth: '100%' }}
      data-testid="pool-leave-reason"
    >
      <Tag color={HOW_COLORS[how]} style={{ marginInlineEnd: 0 }}>
        {t(`pool.how.${how}`, { defaultValue: how })}
      </Tag>
      {text ? (
        <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 240, minWidth: 0 }}>
          {text}
        </Typography.Text>
      ) : null}
    </span>
  );
}
