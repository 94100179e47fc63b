import type { DatePickerProps } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';

// antd's date picker is one of the larger parts of antd (≈ 31 KB gzip): a list's date-range filter
// usually sits folded under 更多筛选, so it is downloaded only once it is on screen (issue 11).
const RangePicker = lazy(() => import('antd/es/date-picker').then((m) => ({ default: m.default.RangePicker })));

const placeholderStyle = { display: 'block', minHeight: 32 } as const;

/**
 * DatePicker.RangePicker for filter forms, mounted when it first becomes visible. The form keeps the
 * field's value meanwhile (Form.Item holds it), so a folded filter still submits what it had.
 */
export function DeferredRangePicker(props: RangePickerProps & Pick<DatePickerProps, 'id'>) {
  const ref = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (visible || !el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [visible]);
  if (!visible) return <span ref={ref} style={placeholderStyle} />;
  return (
    <Suspense fallback={<span style={placeholderStyle} />}>
      <RangePicker {...props} />
    </Suspense>
  );
}
