import type { Row } from './GovernmentIntegrityStore.js';

/** The tenure in force on `day` among a body's tenures (earliest first), or null when none covers it. */
export function tenureOn(tenures: readonly Row[], day: string): Row | null {
  return tenures.find((t) => String(t.started_on) <= day && (t.ended_on === null || t.ended_on === undefined || day <= String(t.ended_on))) ?? null;
}

/** Who led the body when a promise was made and when it fell due (or was broken), and whether it was inherited. */
export interface Inheritance {
  leaderWhenPromised: string | null;
  leaderWhenDue: string | null;
  /** True when both are known and differ: the promise came from a predecessor (新官不理旧账). */
  inherited: boolean;
}

/**
 * Derives from the body's tenures (earliest first) whether a commitment was inherited: made under one leader
 * and due — or declared broken, if earlier — under another. A due date still ahead is judged on `today`.
 * Nothing is inherited when the tenures do not cover both days; no manual flag is involved.
 */
export function inheritanceOf(commitment: Record<string, unknown>, tenures: readonly Row[], today: string): Inheritance {
  const promised = tenureOn(tenures, String(commitment.promised_on));
  const dueDay = [String(commitment.due_on), today, ...(commitment.broken_on ? [String(commitment.broken_on)] : [])].sort()[0]!;
  const due = tenureOn(tenures, dueDay);
  return {
    leaderWhenPromised: promised ? String(promised.leader_name) : null,
    leaderWhenDue: due ? String(due.leader_name) : null,
    inherited: promised !== null && due !== null && promised.id !== due.id && promised.leader_name !== due.leader_name,
  };
}
