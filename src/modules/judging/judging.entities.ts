/**
 * The judging tables (migrations/1764000000050-judging.ts), declared for the schema test and the
 * data source. Services read and write them through `Sql`; controllers never return these.
 */
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('rubrics')
export class Rubric {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('jsonb') tree!: unknown;
  @Column('text', { name: 'preset_key', nullable: true }) presetKey!: string | null;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export type RoundState = 'draft' | 'open' | 'closed';

@Entity('rounds')
export class Round {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'cycle_id' }) cycleId!: string;
  @Column('text') name!: string;
  @Column('int') ordinal!: number;
  @Column('uuid', { name: 'rubric_id' }) rubricId!: string;
  @Column('int', { name: 'reviews_per_application' }) reviewsPerApplication!: number;
  @Column('timestamptz', { name: 'opens_at' }) opensAt!: Date;
  @Column('timestamptz', { name: 'closes_at' }) closesAt!: Date;
  @Column('boolean') blind!: boolean;
  @Column('text') aggregation!: 'mean' | 'trimmed_mean' | 'zscore';
  @Column('jsonb') advancement!: unknown;
  @Column('text') entrants!: 'accepted' | 'previous_round';
  @Column('text') state!: RoundState;
  @Column('int') version!: number;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('round_entries')
export class RoundEntry {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId!: string;
  @PrimaryColumn('uuid', { name: 'application_id' }) applicationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('round_judges')
export class RoundJudge {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId!: string;
  @PrimaryColumn('uuid', { name: 'judge_id' }) judgeId!: string;
  @Column('int', { nullable: true }) capacity!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('judge_profiles')
export class JudgeProfile {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { array: true }) industries!: string[];
  @Column('text', { nullable: true }) employer!: string | null;
  @Column('text', { name: 'employer_uscc', nullable: true }) employerUscc!: string | null;
  @Column('text', { name: 'group_name', nullable: true }) groupName!: string | null;
  @Column('int', { nullable: true }) capacity!: number | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('judge_invitations')
export class JudgeInvitation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'invited_by' }) invitedBy!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('uuid', { name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('confidentiality_acceptances')
export class ConfidentialityAcceptance {
  @PrimaryColumn('uuid', { name: 'cycle_id' }) cycleId!: string;
  @PrimaryColumn('uuid', { name: 'judge_id' }) judgeId!: string;
  @Column('text', { name: 'terms_version' }) termsVersion!: string;
  @Column('text', { name: 'text_sha256' }) textSha256!: string;
  @Column('timestamptz', { name: 'accepted_at' }) acceptedAt!: Date;
}

@Entity('conflicts')
export class Conflict {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'judge_id' }) judgeId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'cycle_id', nullable: true }) cycleId!: string | null;
  @Column('text') source!: 'declared' | 'inferred';
  @Column('text') kind!: string;
  @Column('text') reason!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'dismissed_at', nullable: true }) dismissedAt!: Date | null;
  @Column('uuid', { name: 'dismissed_by', nullable: true }) dismissedBy!: string | null;
  @Column('text', { name: 'dismiss_reason', nullable: true }) dismissReason!: string | null;
}

@Entity('assignments')
export class Assignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'round_id' }) roundId!: string;
  @Column('uuid', { name: 'application_id' }) applicationId!: string;
  @Column('uuid', { name: 'judge_id' }) judgeId!: string;
  @Column('text') state!: 'assigned' | 'removed';
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
  @Column('text', { name: 'removed_reason', nullable: true }) removedReason!: string | null;
}

@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'assignment_id' }) assignmentId!: string;
  @Column('jsonb') ratings!: Record<string, unknown>;
  @Column('jsonb') comments!: Record<string, string>;
  @Column('text', { name: 'overall_comment', nullable: true }) overallComment!: string | null;
  @Column('text') state!: 'draft' | 'submitted';
  @Column('int') version!: number;
  @Column('numeric', { nullable: true }) total!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
}

export const JUDGING_ENTITIES = [
  Rubric,
  Round,
  RoundEntry,
  RoundJudge,
  JudgeProfile,
  JudgeInvitation,
  ConfidentialityAcceptance,
  Conflict,
  Assignment,
  Review,
];
