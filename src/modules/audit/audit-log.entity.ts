import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One thing that happened: transitions, section writes, attachments, sign-ins, role changes. */
@Entity('audit_log')
export class AuditLogEntry {
  /** A bigserial, read as text. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole!: string | null;
  @Column('text') action!: string;
  @Column('uuid', { name: 'application_id', nullable: true }) applicationId!: string | null;
  @Column('text', { nullable: true }) entity!: string | null;
  @Column('text', { name: 'entity_id', nullable: true }) entityId!: string | null;
  @Column('text', { name: 'from_state', nullable: true }) fromState!: string | null;
  @Column('text', { name: 'to_state', nullable: true }) toState!: string | null;
  @Column('text', { name: 'snapshot_sha256', nullable: true }) snapshotSha256!: string | null;
  @Column('jsonb') details!: Record<string, unknown>;
}
