import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the staff entries table shows of an entry's form data, as last computed, and the
 * fingerprint of the data it was computed from (recomputed when that moves: entries.service.ts).
 */
@Entity('entry_summaries')
export class EntrySummary {
  @PrimaryColumn('uuid', { name: 'application_id' }) applicationId!: string;
  /** Sum of the entry's section versions (each write adds one) and a digest of its live files. */
  @Column('text') fingerprint!: string;
  /** Complete sections of those that count (an optional section counts once started), 0–100. */
  @Column('smallint') percent!: number;
  @Column('boolean') complete!: boolean;
  @Column('integer') issues!: number;
  /** basics.enterprise.name */
  @Column('text', { nullable: true }) company!: string | null;
  /** basics.center.industry */
  @Column('text', { nullable: true }) industry!: string | null;
  /** The entry's last section write. */
  @Column('timestamptz', { name: 'content_updated_at' }) contentUpdatedAt!: Date;
  @Column('timestamptz', { name: 'computed_at', default: () => 'now()' }) computedAt!: Date;
}
