import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One rendered copy of a snapshot: snapshot × variant × viewer × template version is the render's identity. */
@Entity('dossiers')
export class Dossier {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'snapshot_id' }) snapshotId!: string;
  @Column('text') variant!: 'applicant' | 'staff' | 'judge';
  /** '' for applicant and staff copies; `<judge's user id>/blind|open` for judge copies. */
  @Column('text') viewer!: string;
  @Column('text', { name: 'template_version' }) templateVersion!: string;
  @Column('text') status!: 'queued' | 'rendering' | 'ready' | 'failed';
  @Column('int') progress!: number;
  @Column('text', { name: 'storage_key', nullable: true }) storageKey!: string | null;
  @Column('text', { nullable: true }) sha256!: string | null;
  /** Bytes; a bigint, read as text. */
  @Column('bigint', { nullable: true }) size!: string | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('int') renders!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  /** Retry round: 0 for the first render, +1 per retry after a failure. */
  @Column('int') retries!: number;
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt!: Date | null;
}

/** A bulk export for staff: every current dossier of a cycle in one ZIP. */
@Entity('exports')
export class DossierExport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: 'dossiers_zip';
  @Column('uuid', { name: 'cycle_id' }) cycleId!: string;
  @Column('uuid', { name: 'requested_by' }) requestedBy!: string;
  @Column('text') status!: 'queued' | 'running' | 'ready' | 'failed';
  @Column('int') total!: number;
  @Column('int') done!: number;
  @Column('text', { name: 'storage_key', nullable: true }) storageKey!: string | null;
  @Column('text', { nullable: true }) sha256!: string | null;
  @Column('bigint', { nullable: true }) size!: string | null;
  @Column('text', { nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
}
