import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LabelResponse } from '../applications/applications.response';
import { CategoryResponse } from '../cycles/cycles.response';
import { APPLICATION_STATES, type ApplicationState } from '../applications/application.entity';

export const RECEIPT_CHECKS = ['matched', 'different', 'unreadable', 'pending'] as const;

export class EntryOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码' }) uscc!: string | null;
  @ApiProperty() memberUnit!: boolean;
}

/** One row of the staff entries table. */
export class EntryRowResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'TT-H7N7SD' }) entryCode!: string;
  @ApiProperty({ description: 'basics.enterprise.name, or the organisation’s name while it is empty' }) company!: string;
  @ApiProperty({ type: EntryOrganisationResponse }) organisation!: EntryOrganisationResponse;
  @ApiProperty({ type: CategoryResponse }) category!: CategoryResponse;
  @ApiProperty({ type: String, nullable: true, description: 'basics.center.industry' }) industry!: string | null;
  @ApiProperty({ type: LabelResponse, nullable: true }) industryLabel!: LabelResponse | null;
  @ApiProperty({ enum: APPLICATION_STATES }) state!: ApplicationState;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Complete sections of those that count, in %' }) completeness!: number;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'First 12 hex digits of the current snapshot’s SHA-256' }) sealedHash!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The current snapshot’s full SHA-256' }) sha256!: string | null;
  @ApiProperty({ enum: RECEIPT_CHECKS, nullable: true, description: 'The latest stamped receipt’s QR check; null: none uploaded' })
  receiptCheck!: (typeof RECEIPT_CHECKS)[number] | null;
  @ApiProperty() memberUnit!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Last change: a section write or a transition' }) lastChange!: string;
  @ApiProperty({ format: 'date-time', description: 'The entry’s deadline in the cycle’s zone (the extension when one was granted)' })
  deadline!: string;
  @ApiProperty({ description: 'A staff extension applies' }) extended!: boolean;
  @ApiProperty({ format: 'date-time' }) stateChangedAt!: string;
}

export class EntriesPageResponse {
  @ApiProperty({ type: [EntryRowResponse] }) items!: EntryRowResponse[];
  @ApiProperty({ description: 'Entries matching the filters' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BulkErrorResponse {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'wrong_state' }) code!: string;
  @ApiProperty() message!: string;
}

export class BulkResultResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: String, enum: APPLICATION_STATES, nullable: true, description: 'The state after (ok) or as found (refused)' })
  state!: ApplicationState | null;
  @ApiPropertyOptional({ type: BulkErrorResponse }) error?: BulkErrorResponse;
}

export class BulkScreeningResponse {
  @ApiProperty({ enum: ['accept', 'return', 'reject'] }) action!: string;
  @ApiProperty({ type: [BulkResultResponse] }) results!: BulkResultResponse[];
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
}

export class SnapshotDiffEntryResponse {
  @ApiProperty({ example: 'basics.center.industry', description: 'Dotted path; section key first' }) path!: string;
  @ApiProperty({ type: LabelResponse, description: 'From the form descriptor: section › group › field' }) label!: LabelResponse;
  @ApiProperty({ nullable: true, description: 'Value in the earlier snapshot (absent: null)' }) before!: unknown;
  @ApiProperty({ nullable: true, description: 'Value in the later snapshot (absent: null)' }) after!: unknown;
}

export class SnapshotDiffResponse {
  @ApiProperty({ format: 'uuid' }) from!: string;
  @ApiProperty({ format: 'uuid' }) to!: string;
  @ApiProperty({ type: [SnapshotDiffEntryResponse] }) changes!: SnapshotDiffEntryResponse[];
}

export class CountResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LabelResponse, nullable: true }) label!: LabelResponse | null;
  @ApiProperty() count!: number;
}

export class DayCountResponse {
  @ApiProperty({ example: '2026-12-01', description: 'Calendar day in the cycle’s zone' }) day!: string;
  @ApiProperty() count!: number;
}

export class BucketResponse {
  @ApiProperty({ example: '0-19' }) bucket!: string;
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() count!: number;
}

export class DashboardResponse {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) submissionDeadline!: string;
  @ApiProperty({ description: 'Seconds until the deadline (0 once passed)' }) secondsLeft!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CountResponse] }) byState!: CountResponse[];
  @ApiProperty({ type: [DayCountResponse], description: 'Submissions per day from the opening to the deadline (or today)' })
  submissionsPerDay!: DayCountResponse[];
  @ApiProperty({ type: [CountResponse] }) byCategory!: CountResponse[];
  @ApiProperty({ type: [CountResponse] }) byIndustry!: CountResponse[];
  @ApiProperty({ type: [BucketResponse], description: 'Completeness of drafts, in buckets of 20 %' }) draftCompleteness!: BucketResponse[];
  @ApiProperty({ description: 'Submitted or later entries whose latest receipt is not yet checked' }) receiptsPending!: number;
  @ApiProperty({ description: 'Entries whose latest receipt does not match the sealed hash' }) receiptsDifferent!: number;
  @ApiProperty({ description: 'Entries whose latest receipt’s QR code could not be read' }) receiptsUnreadable!: number;
}

export class ReceiptReviewResponse {
  @ApiProperty({ format: 'uuid' }) attachmentId!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ enum: RECEIPT_CHECKS }) check!: string;
  @ApiProperty({ type: String, nullable: true, description: 'What the QR code said (TOPTEN1|code|sha256), when read' }) decoded!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The hash in the decoded text' }) decodedHash!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The sealed snapshot’s hash' }) sealedHash!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt!: string | null;
}

export class HashVerificationResponse {
  @ApiProperty({ format: 'uuid' }) snapshotId!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty() expected!: string;
  @ApiProperty() actual!: string;
}

export class ScreeningSnapshotResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) supersededAt!: string | null;
}

export class DossierCopyResponse {
  @ApiProperty({ enum: ['applicant', 'staff', 'judge'] }) variant!: string;
  @ApiProperty({ description: 'Judge copy: blind (identifying fields dropped)' }) blind!: boolean;
  @ApiProperty({ enum: ['missing', 'queued', 'rendering', 'ready', 'failed'] }) status!: string;
  @ApiProperty({ description: 'GET this to fetch (202 while rendering)' }) href!: string;
}

export class ScreeningAuditResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ type: String, nullable: true }) fromState!: string | null;
  @ApiProperty({ type: String, nullable: true }) toState!: string | null;
  @ApiProperty({ type: String, nullable: true }) snapshotSha256!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details!: Record<string, unknown> | null;
}

/** What the staff entry page needs beyond GET /api/applications/:id. */
export class ScreeningResponse {
  @ApiProperty({ type: EntryRowResponse }) entry!: EntryRowResponse;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  @ApiProperty({ type: [ReceiptReviewResponse], description: 'Live stamped receipts, newest first' }) receipts!: ReceiptReviewResponse[];
  @ApiProperty({ type: HashVerificationResponse, nullable: true, description: 'The current snapshot recomputed' })
  verification!: HashVerificationResponse | null;
  @ApiProperty({ type: [ScreeningSnapshotResponse] }) snapshots!: ScreeningSnapshotResponse[];
  @ApiProperty({ type: [DossierCopyResponse] }) dossiers!: DossierCopyResponse[];
  @ApiProperty({ type: [ScreeningAuditResponse], description: 'This entry’s audit trail, newest first (at most 200)' })
  audit!: ScreeningAuditResponse[];
}
