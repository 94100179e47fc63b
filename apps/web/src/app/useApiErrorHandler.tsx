import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

export interface DuplicateInfo {
  ownerName: string | null;
  customerNo: string | null;
  customerName: string | null;
}

export function getDuplicate(err: unknown): DuplicateInfo | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const dup = err.body.duplicate as DuplicateInfo | undefined;
  return dup && typeof dup === 'object' ? dup : null;
}

/** 'tags.0' → ['tags', 0] so nested / list fields map onto antd NamePath. */
export function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface HandleErrorOptions {
  /** Form receiving 400 field errors. */
  form?: FormInstance;
  /** Called by the "reload" button on 412; defaults to a full page reload. */
  onStale?: () => void;
}

/**
 * Uniform reaction to API errors (see contract):
 * 400 → field errors under form items (or a toast), 401 → handled by the session,
 * 409 → toast / duplicate modal, 412 → "modified by someone else" with reload, else toast.
 */
export function useApiErrorHandler() {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();

  return useCallback(
    (err: unknown, options: HandleErrorOptions = {}) => {
      if (!(err instanceof ApiError)) {
        message.error(err instanceof Error && err.message ? err.message : t('errors.unknown'));
        return;
      }
      switch (err.status) {
        case 400:
        case 422: {
          if (err.fields.length > 0 && options.form) {
            const form = options.form;
            form.setFields(err.fields.map((f) => ({ name: toNamePath(f.field), errors: [f.message] })));
            form.scrollToField(toNamePath(err.fields[0].field));
            return;
          }
          if (err.fields.length > 0) {
            message.error(err.fields.map((f) => f.message).join('; '));
            return;
          }
          message.error(err.message);
          return;
        }
        case 401:
          return;
        case 409: {
          const dup = getDuplicate(err);
          if (dup) {
            modal.warning({
              title: t('errors.duplicateTitle'),
              content: (
                <div data-testid="duplicate-modal">
                  <div>{t('errors.duplicateOwner', { owner: dup.ownerName ?? t('common.none') })}</div>
                  {dup.customerNo || dup.customerName ? (
                    <div>
                      {t('errors.duplicateCustomer', { no: dup.customerNo ?? '', name: dup.customerName ?? '' })}
                    </div>
                  ) : null}
                </div>
              ),
              okText: t('common.ok'),
            });
            return;
          }
          message.error(err.message);
          return;
        }
        case 412:
          modal.confirm({
            title: t('errors.staleTitle'),
            content: <span data-testid="stale-data">{t('errors.stale')}</span>,
            okText: t('common.reload'),
            cancelText: t('common.cancel'),
            onOk: options.onStale ?? (() => window.location.reload()),
          });
          return;
        default:
          message.error(err.message);
      }
    },
    [message, modal, t],
  );
}
