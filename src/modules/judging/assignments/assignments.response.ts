import { ApiProperty } from '@nestjs/swagger';

export class AutoAssignmentPairResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty({ description: 'The judge’s industries include the entry’s basics.center.industry' }) expertiseMatch!: boolean;
}

export class JudgeLoadResponse {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Entries assigned in the round' }) count!: number;
  @ApiProperty() capacity!: number;
}

export class ObjectiveWeightsResponse {
  @ApiProperty() balance!: number;
  @ApiProperty() expertise!: number;
  @ApiProperty() change!: number;
}

export class AssignmentObjectiveResponse {
  @ApiProperty({ description: 'Reviews assigned (the first goal)' }) assigned!: number;
  @ApiProperty() expertiseMatches!: number;
  @ApiProperty({ description: 'Σ load² over judges' }) loadSquares!: number;
  @ApiProperty({ description: 'Largest max − min load among judges of equal capacity' }) loadSpread!: number;
  @ApiProperty({ description: 'Earlier pairs the answer moves' }) moved!: number;
  @ApiProperty() value!: number;
  @ApiProperty({ type: ObjectiveWeightsResponse }) weights!: ObjectiveWeightsResponse;
}

export class ShortfallResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() entryCode!: string;
  @ApiProperty({ description: 'Judges still missing' }) missing!: number;
  @ApiProperty({ description: 'Why, in the caller’s language, e.g. “only 2 eligible judges left: 5 conflicted, 3 at capacity”' })
  reason!: string;
  @ApiProperty({ enum: ['too_few_judges', 'judges_at_capacity'] }) reasonCode!: string;
  @ApiProperty() eligible!: number;
  @ApiProperty() conflicted!: number;
  @ApiProperty() atCapacity!: number;
}

export class PanelMemberResponse {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() expertiseMatch!: boolean;
}

export class EntryPanelResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() entryCode!: string;
  @ApiProperty({ nullable: true, type: String, description: 'basics.center.industry' }) industry!: string | null;
  @ApiProperty({ type: [PanelMemberResponse] }) judges!: PanelMemberResponse[];
  @ApiProperty() missing!: number;
}

export class AssignmentWarningResponse {
  @ApiProperty({ enum: ['fixed_pair_conflicted', 'fixed_pairs_exceed_reviews', 'fixed_pairs_exceed_capacity'] }) code!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) judgeId!: string | null;
  @ApiProperty() message!: string;
}

export class AssignmentChangeResponse {
  @ApiProperty({ format: 'uuid', description: 'The assignment' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
}

export class DiffPairResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The live assignment (null: a pair the answer adds)' })
  assignmentId!: string | null;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
}

export class AssignmentDiffResponse {
  @ApiProperty({ type: [DiffPairResponse], description: 'Pairs the answer makes that are not live now' }) added!: DiffPairResponse[];
  @ApiProperty({ type: [DiffPairResponse], description: 'Live pairs the answer ends' }) removed!: DiffPairResponse[];
  @ApiProperty({ type: [DiffPairResponse], description: 'Live pairs the answer keeps' }) kept!: DiffPairResponse[];
}

export class AutoAssignmentResponse {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [AutoAssignmentPairResponse], description: 'Every pair of the answer (kept ones included)' })
  assignments!: AutoAssignmentPairResponse[];
  @ApiProperty({ type: [JudgeLoadResponse] }) loads!: JudgeLoadResponse[];
  @ApiProperty({ type: AssignmentObjectiveResponse }) objective!: AssignmentObjectiveResponse;
  @ApiProperty({ type: [ShortfallResponse], description: 'Entries with fewer judges than reviewsPerApplication, and why' })
  shortfalls!: ShortfallResponse[];
  @ApiProperty({ type: [EntryPanelResponse], description: 'Per entry: its judges' }) entries!: EntryPanelResponse[];
  @ApiProperty({ type: [AssignmentWarningResponse] }) warnings!: AssignmentWarningResponse[];
  @ApiProperty({ type: [AssignmentChangeResponse], description: 'Applied: assignments made (empty in a dry run)' })
  added!: AssignmentChangeResponse[];
  @ApiProperty({ type: [AssignmentChangeResponse], description: 'Applied: assignments ended (empty in a dry run)' })
  removed!: AssignmentChangeResponse[];
  @ApiProperty({
    type: AssignmentDiffResponse,
    description: 'The answer against the assignment live before it (dry run: what applying would change; applied: what it changed)',
  })
  diff!: AssignmentDiffResponse;
}

export class ReviewCountsResponse {
  @ApiProperty() assigned!: number;
  @ApiProperty({ description: 'Reviews started, not submitted' }) draft!: number;
  @ApiProperty() submitted!: number;
}

export class RoundAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() entryCode!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() judgeName!: string;
  @ApiProperty({ enum: ['none', 'draft', 'submitted'] }) reviewState!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The submitted review’s total' }) total!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: ReviewCountsResponse, description: 'This judge’s progress in the round' }) judgeProgress!: ReviewCountsResponse;
  @ApiProperty({ type: ReviewCountsResponse, description: 'This entry’s progress in the round' }) entryProgress!: ReviewCountsResponse;
}

export class JudgeProgressResponse extends ReviewCountsResponse {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() capacity!: number;
}

export class EntryProgressResponse extends ReviewCountsResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() entryCode!: string;
  @ApiProperty({ description: 'Judges still to assign' }) missing!: number;
}

export class ProgressTotalsResponse extends ReviewCountsResponse {
  @ApiProperty({ description: 'reviewsPerApplication × entries' }) needed!: number;
}

export class RoundProgressResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) state!: string;
  @ApiProperty() reviewsPerApplication!: number;
  @ApiProperty({ type: ProgressTotalsResponse }) totals!: ProgressTotalsResponse;
  @ApiProperty({ type: [JudgeProgressResponse] }) judges!: JudgeProgressResponse[];
  @ApiProperty({ type: [EntryProgressResponse] }) entries!: EntryProgressResponse[];
}

export class RemindersResponse {
  @ApiProperty({ description: 'Judges an e-mail was queued for (those with unsubmitted reviews)' }) queued!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) judgeIds!: string[];
}

export class MatrixEntryResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() entryCode!: string;
  @ApiProperty({
    description:
      'basics.enterprise.name of the snapshot (else of the live section, else the organisation’s name); staff see it in blind rounds too',
  })
  company!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'basics.center.industry' }) industry!: string | null;
  @ApiProperty({ description: 'Judges assigned now' }) assigned!: number;
}

export class MatrixJudgeResponse {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The panel’s capacity, else the profile’s, else every entry of the round' }) capacity!: number;
  @ApiProperty({ description: 'Entries assigned now' }) count!: number;
  @ApiProperty({ type: [String] }) industries!: string[];
}

export class MatrixAssignmentResponse {
  @ApiProperty({ format: 'uuid', description: 'The assignment (DELETE /api/assignments/:id ends it)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty({ enum: ['none', 'draft', 'submitted'] }) reviewState!: string;
}

export class MatrixConflictResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
}

export class AssignmentMatrixResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) state!: string;
  @ApiProperty({ description: 'Judges see entry codes only (staff see the company anyway)' }) blind!: boolean;
  @ApiProperty() reviewsPerApplication!: number;
  @ApiProperty({ type: [MatrixEntryResponse], description: 'The round’s entries by entry code (the rows)' })
  entries!: MatrixEntryResponse[];
  @ApiProperty({ type: [MatrixJudgeResponse], description: 'The panel by name (the columns)' }) judges!: MatrixJudgeResponse[];
  @ApiProperty({ type: [MatrixAssignmentResponse], description: 'Live assignments (the filled cells)' })
  assignments!: MatrixAssignmentResponse[];
  @ApiProperty({
    type: [MatrixConflictResponse],
    description: 'Pairs a standing conflict of interest (declared, or inferred and not dismissed) rules out',
  })
  conflicts!: MatrixConflictResponse[];
}
