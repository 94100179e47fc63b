import { Tag } from 'antd';
import type { StageKind } from '../constants';

const KIND_COLORS: Record<StageKind, string> = { open: 'blue', won: 'green', lost: 'red' };

/** The stage an opportunity is in, coloured by what the stage means (open / won / lost). */
export function StageTag({ name, kind, testId }: { name: string | null; kind: StageKind | null; testId?: string }) {
  if (!name) return <span>-</span>;
  return (
    <Tag color={kind ? KIND_COLORS[kind] : undefined} data-testid={testId}>
      {name}
    </Tag>
  );
}
