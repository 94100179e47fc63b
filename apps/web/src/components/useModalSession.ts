import { useState } from 'react';

export interface ModalSession<T> {
  /** The target to render: the current one, or the last one while the modal animates closed. */
  shown: T | null;
  /** Changes on every opening; use it as the `key` of the modal body so each opening gets a fresh form. */
  key: number;
}

/**
 * A modal form opened for different targets (new / edit A / edit B) must not reuse its form store:
 * antd merges the previous store over the new initialValues. Keying the modal body by this
 * session gives every opening its own `Form.useForm()` and keeps the content while closing.
 */
export function useModalSession<T>(target: T | null): ModalSession<T> {
  const [state, setState] = useState({ target, shown: target, key: 0 });
  if (state.target !== target) {
    const next = target === null ? { ...state, target } : { target, shown: target, key: state.key + 1 };
    setState(next);
    return next;
  }
  return state;
}
