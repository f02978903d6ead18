import { badUserInput, conflict } from '../../codes/index.js';
import { todayInShanghai } from '../../credit/index.js';
import type { CheckResult } from './checkResult.js';
import { FeedbackExistsError, type CreditCheckStore, type StoredFeedback } from './CreditCheckStore.js';
import { feedbackUsageRulesOn, type FeedbackUsageRules } from './rules/feedbackUsageRules.js';

/** recordCheckFeedback's input, after scalar parsing. */
export interface RecordCheckFeedbackInput {
  checkId: string;
  subjectUscc: string;
  usage: string;
  note?: string | null;
  /** The id of the current entry this one corrects; absent for the first answer. */
  corrects?: string | null;
}

/**
 * Appends feedback on `check` (run by `consumerId`, whose ownership the caller has checked) for one of its
 * subjects: the first answer, or — with `corrects` naming the current entry — a correction that supersedes it
 * (the history stays). The usage must fit the subject's verdict (rules/feedback-usage-rules.json, the version
 * in force on the check's day): no deduction, rejection or cancellation for a subject that passed. Throws
 * BAD_USER_INPUT naming the field, or CONFLICT naming the current entry when the entry would not continue it.
 */
export async function recordCheckFeedback(
  store: CreditCheckStore, rules: FeedbackUsageRules, check: { consumerId: string; result: CheckResult }, input: RecordCheckFeedbackInput,
): Promise<StoredFeedback> {
  const note = input.note?.trim() || null;
  if (note !== null && note.length > 1000) throw badUserInput('input.note must be at most 1,000 characters', { field: 'input.note' });
  if (input.corrects != null && !/^[1-9][0-9]{0,18}$/.test(input.corrects)) {
    throw badUserInput(`input.corrects must be the id of a feedback entry (CheckFeedback.id), got ${JSON.stringify(input.corrects)}`, { field: 'input.corrects' });
  }
  const { result } = check;
  const subject = result.subjects.find((s) => s.uscc === input.subjectUscc);
  if (!subject) {
    const subjects = [...new Set(result.subjects.map((s) => s.uscc))];
    throw badUserInput(`input.subjectUscc ${input.subjectUscc} was not a subject of check ${result.checkId} (its subjects: ${subjects.join(', ')})`, { field: 'input.subjectUscc' });
  }
  const version = feedbackUsageRulesOn(rules, todayInShanghai(new Date(result.issuedAt)));
  const allowed = version.allowedUsages[subject.verdict];
  if (!allowed.includes(input.usage)) {
    throw badUserInput(
      `input.usage ${input.usage} does not fit verdict ${subject.verdict} of ${input.subjectUscc}: after ${subject.verdict} report one of ${allowed.join(', ')} (rules/feedback-usage-rules.json, from ${version.effectiveFrom})`,
      { field: 'input.usage', verdict: subject.verdict, allowedUsages: allowed },
    );
  }
  if (version.noteRequiredFor.includes(input.usage) && note === null) {
    throw badUserInput(`input.note is required with usage ${input.usage}: say how the result was used`, { field: 'input.note' });
  }
  try {
    return await store.recordFeedback({
      checkId: result.checkId, subjectUscc: input.subjectUscc, usage: input.usage, note, consumerId: check.consumerId, corrects: input.corrects ?? null,
    });
  } catch (error) {
    if (!(error instanceof FeedbackExistsError)) throw error;
    // Without a current entry, either there is nothing to correct yet or a concurrent writer won (the message says which).
    const fix = error.currentId !== null
      ? `; to correct it, send input.corrects: "${error.currentId}" (earlier entries stay in feedbackHistory)`
      : input.corrects != null ? '; record the first answer without input.corrects' : '';
    throw conflict(`${error.message}${fix}`, { currentEntry: error.currentId });
  }
}
