import { Spin } from 'antd';

/** Shown while a page's code or data is on its way. */
export function PageSpinner() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
