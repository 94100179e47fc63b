import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** The `duplicate` part of a 409 body; customer fields are null when it is outside the caller's scope. */
export interface DuplicateInfo {
  ownerName: string | null;
  customerId: number | null;
  customerNo: string | null;
  customerName: string | null;
  /** The server's localized message (names the matching field and the owner). */
  message: string;
}

export function getDuplicate(err: unknown): DuplicateInfo | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const dup = err.body.duplicate as Omit<DuplicateInfo, 'message'> | undefined;
  return dup && typeof dup === 'object' ? { ...dup, customerId: dup.customerId ?? null, message: err.message } : null;
}

/**
 * 'address.city' → ['address', 'city']. A list element ('tags.0') maps onto its list field
 * ('tags'): most forms edit a list with one control (e.g. a tags Select).
 */
export function toNamePath(field: string): (string | number)[] {
  const parts = field.split('.');
  const index = parts.findIndex((part) => /^\d+$/.test(part));
  return index > 0 ? parts.slice(0, index) : parts;
}

/** 'lines.0.qty' → ['lines', 0, 'qty']: the cell of a Form.List, when the form has one. */
function toListCellPath(field: string): (string | number)[] {
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
            // Errors for fields the form does not show (e.g. ownerId on edit) go to a toast.
            const shown = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
            const pathOf = (f: { field: string }) =>
              [toListCellPath(f.field), toNamePath(f.field)].find((p) => shown.has(JSON.stringify(p)));
            const inForm = err.fields.filter((f) => pathOf(f));
            const elsewhere = err.fields.filter((f) => !pathOf(f));
            if (inForm.length > 0) {
              form.setFields(inForm.map((f) => ({ name: pathOf(f) ?? [], errors: [f.message] })));
              form.scrollToField(pathOf(inForm[0]) ?? []);
            }
            if (elsewhere.length > 0) message.error(elsewhere.map((f) => f.message).join('; '));
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
                  <div>{dup.message || t('errors.duplicateOwner', { owner: dup.ownerName ?? t('common.none') })}</div>
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
