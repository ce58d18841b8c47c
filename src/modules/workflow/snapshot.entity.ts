import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an applicant sealed: the canonical JSON text exactly as hashed; a trigger refuses any change but `superseded_at`. */
@Entity('snapshots')
export class Snapshot {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'application_id' }) applicationId!: string;
  @Column('text') canonical!: string;
  @Column('text') sha256!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Set when the entry is unsealed or returned; the text stays as evidence. */
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt!: Date | null;
}
