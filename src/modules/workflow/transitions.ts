/**
 * The application life cycle (shared/spec/workflow-and-judging.md § Application states) as a
 * transition table: which action moves which states where, who may do it, and whether the
 * submission deadline applies.
 */
import type { ApplicationState } from '../applications/application.entity';

export type Action = 'seal' | 'unseal' | 'submit' | 'withdraw' | 'accept' | 'return' | 'reject' | 'enter_review';

export interface Transition {
  from: readonly ApplicationState[];
  to: ApplicationState;
  /** `applicant`: members of the owning organisation; `staff`: staff and admins. */
  by: 'applicant' | 'staff';
  /** Refused after the (possibly extended) submission deadline. */
  beforeDeadline: boolean;
}

/** States from which an entry may still be withdrawn: anything before results are published. */
const LIVE: ApplicationState[] = ['draft', 'sealed', 'submitted', 'accepted', 'in_review', 'finalist'];

export const TRANSITIONS: Record<Action, Transition> = {
  seal: { from: ['draft'], to: 'sealed', by: 'applicant', beforeDeadline: true },
  unseal: { from: ['sealed'], to: 'draft', by: 'applicant', beforeDeadline: true },
  submit: { from: ['sealed'], to: 'submitted', by: 'applicant', beforeDeadline: true },
  withdraw: { from: LIVE, to: 'withdrawn', by: 'applicant', beforeDeadline: false },
  accept: { from: ['submitted'], to: 'accepted', by: 'staff', beforeDeadline: false },
  return: { from: ['submitted'], to: 'draft', by: 'staff', beforeDeadline: false },
  reject: { from: ['submitted'], to: 'rejected', by: 'staff', beforeDeadline: false },
  /** Opening a review round moves its entrants (src/modules/judging/rounds/rounds.service.ts); no route of its own. */
  enter_review: { from: ['accepted'], to: 'in_review', by: 'staff', beforeDeadline: false },
};

export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

/** The state an action leads to from `state`, or undefined when it does not apply there. */
export function nextState(action: Action, state: string): ApplicationState | undefined {
  const t = TRANSITIONS[action];
  return (t.from as readonly string[]).includes(state) ? t.to : undefined;
}
