import { money } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** One assessed (or missed) session of a person: the evidence behind the figures. */
export interface TrainingRecord {
  attendanceId: number;
  sessionId: number;
  topic: string;
  kind: 'onboarding' | 'in_service';
  day: string;
  status: 'present' | 'absent';
  score: string | null;
  passed: boolean | null;
}

/** A person's training figures over a period (SPEC 5.4: results feed appraisal). */
export interface TrainingResult {
  userId: number;
  /** Completed sessions they were enrolled in. */
  sessions: number;
  present: number;
  absent: number;
  /** present / (present + absent), percent with one decimal; null without sessions. */
  attendanceRate: string | null;
  assessed: number;
  passed: number;
  failed: number;
  /** Mean of the scores, one decimal (ROUND_HALF_UP); null when nothing was scored. */
  averageScore: string | null;
  records: TrainingRecord[];
}

/**
 * Training results per person and period, for the appraisal (built in its own module): attendance
 * and assessment scores of the completed sessions held between `from` and `to` (company dates,
 * inclusive), each figure with the records behind it. Every requested person gets a row, with
 * zeros when they had no session. The caller has applied the data scope to `userIds`.
 */
export async function trainingResults(
  db: DbOrTx,
  q: { userIds: number[]; from: string; to: string },
): Promise<TrainingResult[]> {
  if (q.userIds.length === 0) return [];
  const res = await db.execute<{
    user_id: number;
    id: number;
    session_id: number;
    topic: string;
    kind: TrainingRecord['kind'];
    day: string;
    status: TrainingRecord['status'];
    score: string | null;
    passed: boolean | null;
  }>(sql`
    select a.user_id, a.id, s.id as session_id, s.topic, p.kind,
      ((s.starts_at at time zone 'Asia/Shanghai')::date)::text as day, a.status, a.score::text as score, a.passed
    from training_attendance a
    join training_sessions s on s.id = a.session_id and s.status = 'completed'
    join training_plans p on p.id = s.plan_id
    where a.user_id = any(${sql.param(q.userIds)}::int[]) and a.status in ('present', 'absent')
      and s.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'
      and s.starts_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
    order by a.user_id, s.starts_at, s.id`);
  const byUser = new Map<number, TrainingRecord[]>(q.userIds.map((id) => [id, []]));
  for (const r of res.rows)
    byUser.get(Number(r.user_id))?.push({
      attendanceId: Number(r.id),
      sessionId: Number(r.session_id),
      topic: r.topic,
      kind: r.kind,
      day: r.day,
      status: r.status,
      score: r.score,
      passed: r.passed,
    });
  return [...byUser].map(([userId, records]) => summarise(userId, records));
}

function summarise(userId: number, records: TrainingRecord[]): TrainingResult {
  const present = records.filter((r) => r.status === 'present').length;
  const scores = records.flatMap((r) => (r.score === null ? [] : [money(r.score)]));
  const total = scores.reduce((s, x) => s.plus(x), money(0));
  return {
    userId,
    sessions: records.length,
    present,
    absent: records.length - present,
    attendanceRate: records.length ? money(present).times(100).div(records.length).toFixed(1) : null,
    assessed: scores.length,
    passed: records.filter((r) => r.passed === true).length,
    failed: records.filter((r) => r.passed === false).length,
    averageScore: scores.length ? total.div(scores.length).toFixed(1) : null,
    records,
  };
}
