/**
 * When a judge may see an assignment (and everything under it: the entry, its dossier, the
 * review): it is theirs and live, they accepted the cycle's confidentiality terms, and no
 * conflict of interest (declared, or inferred and not dismissed) stands between them and the
 * entry's organisation. Anything else is 404 — the same answer as an id that does not exist.
 *
 * A SQL boolean over an `assignments` row (alias `x`), an `applications` row (alias `a`) and a
 * `rounds` row (alias `r`), so every query that needs the row anyway decides in the same statement.
 */
export const judgeSeesAssignmentSql = (c: { assignment: string; app: string; round: string; user: string }): string => `(
  ${c.assignment}.judge_id = ${c.user}::uuid AND ${c.assignment}.state = 'assigned'
  AND EXISTS (SELECT 1 FROM confidentiality_acceptances ca WHERE ca.cycle_id = ${c.round}.cycle_id AND ca.judge_id = ${c.user}::uuid)
  AND NOT ${conflictedSql({ judge: `${c.user}::uuid`, organisation: `${c.app}.organisation_id`, cycle: `${c.round}.cycle_id` })}
)`;

/** SQL boolean: a standing conflict between the judge and the organisation for the cycle. */
export const conflictedSql = (c: { judge: string; organisation: string; cycle: string }): string => `EXISTS (
  SELECT 1 FROM conflicts cf WHERE cf.judge_id = ${c.judge} AND cf.organisation_id = ${c.organisation}
     AND cf.dismissed_at IS NULL AND (cf.cycle_id IS NULL OR cf.cycle_id = ${c.cycle}))`;

/**
 * SQL boolean: the judge sits on the panel of a draft or open round of the cycle — the cycles whose
 * terms, entrants and conflict declaration a judge may see (a judge sees nothing else).
 */
export const judgeOnCyclePanelSql = (c: { cycle: string; user: string }): string => `EXISTS (
  SELECT 1 FROM round_judges rj JOIN rounds rr ON rr.id = rj.round_id
   WHERE rr.cycle_id = ${c.cycle} AND rj.judge_id = ${c.user}::uuid AND rr.state IN ('draft', 'open'))`;
