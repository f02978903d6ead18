import { conflict } from '../../codes/index.js';

/** Where an objection (异议) stands: accepted and the record marked; checked by the city credit agency; closed with an outcome. */
export type ObjectionState = 'ACCEPTED' | 'CHECKED' | 'CLOSED';
/** Where a credit repair application (信用修复申请) stands. */
export type RepairState = 'SUBMITTED' | 'APPROVED' | 'REFUSED';

interface Transition<S extends string> {
  /** The verb for messages, e.g. "decide". */
  verb: string;
  from: readonly S[];
  to: S;
}

/** What each step of the objection procedure needs and leads to. */
export const OBJECTION_TRANSITIONS = {
  check: { verb: 'check', from: ['ACCEPTED'], to: 'CHECKED' },
  extend: { verb: 'extend the decision deadline of', from: ['CHECKED'], to: 'CHECKED' },
  decide: { verb: 'decide', from: ['CHECKED'], to: 'CLOSED' },
} as const satisfies Record<string, Transition<ObjectionState>>;

/** What each step of the repair procedure needs and leads to. */
export const REPAIR_TRANSITIONS = {
  extend: { verb: 'extend the decision deadline of', from: ['SUBMITTED'], to: 'SUBMITTED' },
  approve: { verb: 'approve', from: ['SUBMITTED'], to: 'APPROVED' },
  refuse: { verb: 'refuse', from: ['SUBMITTED'], to: 'REFUSED' },
} as const satisfies Record<string, Transition<RepairState>>;

/**
 * Throws CONFLICT when `transition` is not allowed from `current`; the message names the current state and
 * the states the step needs, e.g. "cannot decide objection 7: it is ACCEPTED; deciding needs CHECKED (→ CLOSED)".
 */
export function assertTransition<S extends string>(what: string, transition: Transition<S>, current: S): void {
  if (transition.from.includes(current)) return;
  throw conflict(
    `cannot ${transition.verb} ${what}: it is ${current}, and this step needs ${transition.from.join(' or ')} (it leads to ${transition.to})`,
    { currentState: current, requiredStates: [...transition.from], targetState: transition.to },
  );
}
