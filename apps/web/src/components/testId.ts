import type { ButtonProps } from 'antd';

/** data-testid for props objects that are not JSX (e.g. Modal okButtonProps). */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as ButtonProps;
}
