import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Every state of an application, in the order the OpenAPI enums list them. */
export const APPLICATION_STATES = [
  'draft',
  'sealed',
  'submitted',
  'accepted',
  'rejected',
  'in_review',
  'finalist',
  'awarded',
  'not_awarded',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export interface Nomination {
  type: 'self' | 'recommended';
  recommenderName?: string;
  recommenderContact?: string;
}

@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'cycle_id' }) cycleId!: string;
  @Column('uuid', { name: 'category_id' }) categoryId!: string;
  /** What judges in blind rounds see instead of the company. */
  @Column('text', { name: 'entry_code' }) entryCode!: string;
  @Column('text') state!: ApplicationState;
  @Column('jsonb') nomination!: Nomination;
  /** Optimistic-lock version; bumped by hand in `UPDATE … WHERE version = $n`. */
  @Column('int') version!: number;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  /** A later deadline staff granted this one entry. */
  @Column('timestamptz', { name: 'deadline_extension', nullable: true }) deadlineExtension!: Date | null;
  /** Why staff returned it; shown to the applicant until the next transition. */
  @Column('text', { name: 'return_reason', nullable: true }) returnReason!: string | null;
  @Column('timestamptz', { name: 'state_changed_at' }) stateChangedAt!: Date;
  /** The current sealed snapshot (null while a draft). */
  @Column('uuid', { name: 'snapshot_id', nullable: true }) snapshotId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One section's JSONB document. Shape owned by the section module (src/form/sections/<key>). */
@Entity('application_sections')
export class ApplicationSection {
  @PrimaryColumn('uuid', { name: 'application_id' }) applicationId!: string;
  @PrimaryColumn('text', { name: 'section_key' }) sectionKey!: string;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('int') version!: number;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
