import { CloseOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpLocation } from '../api';

/** The browser can locate only in a secure context (https or localhost) and when it has the API. */
export const canLocate = () => typeof navigator !== 'undefined' && 'geolocation' in navigator && window.isSecureContext;

/** "31.23040, 121.47370 (±30 m)" */
export function LocationText({ value }: { value: FollowUpLocation }) {
  const { t } = useTranslation();
  const coords = `${value.latitude.toFixed(5)}, ${value.longitude.toFixed(5)}`;
  return (
    <span data-testid="followup-location-text">
      {value.accuracy == null ? coords : t('followUp.location.withAccuracy', { coords, accuracy: value.accuracy })}
    </span>
  );
}

/**
 * Attaches the rep's current position to a visit record (issue 11: follow-up with location if the
 * browser allows). Nothing is sent unless he presses the button and the browser grants it.
 */
export function LocationField({
  value,
  onChange,
}: {
  value?: FollowUpLocation | null;
  onChange?: (v: FollowUpLocation | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const locate = () => {
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        onChange?.({
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          accuracy: Number.isFinite(pos.coords.accuracy) ? Math.round(pos.coords.accuracy) : null,
        });
      },
      (err) => {
        setBusy(false);
        const reason =
          err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable';
        message.warning(t(`followUp.location.${reason}`));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  if (value) {
    return (
      <Space size="small">
        <EnvironmentOutlined />
        <LocationText value={value} />
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('followUp.location.clear')}
          onClick={() => onChange?.(null)}
          data-testid="followup-location-clear"
        />
      </Space>
    );
  }
  return (
    <Space direction="vertical" size={2}>
      <Button icon={<EnvironmentOutlined />} loading={busy} onClick={locate} data-testid="followup-locate">
        {t('followUp.location.add')}
      </Button>
      <Typography.Text type="secondary">{t('followUp.location.hint')}</Typography.Text>
    </Space>
  );
}

/** A map link for a recorded position (高德 URI API; it converts WGS-84 with coordinate=wgs84). */
export function mapUrl(v: FollowUpLocation, name: string) {
  const q = new URLSearchParams({
    position: `${v.longitude},${v.latitude}`,
    name,
    coordinate: 'wgs84',
    callnative: '0',
  });
  return `https://uri.amap.com/marker?${q}`;
}
