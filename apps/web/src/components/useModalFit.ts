import type { ModalProps } from 'antd';
import { useIsMobile } from './useIsMobile';

/**
 * On a phone a long modal form would push its 保存 button below the screen: the body scrolls
 * inside the modal instead, so the footer stays in reach (issue 11: the rep's actions on a phone).
 */
export function useModalFit(): Pick<ModalProps, 'style' | 'styles'> {
  const mobile = useIsMobile();
  return mobile
    ? { style: { top: 8 }, styles: { body: { maxHeight: 'calc(100dvh - 160px)', overflowY: 'auto' } } }
    : {};
}
