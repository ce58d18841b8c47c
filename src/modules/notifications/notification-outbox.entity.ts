import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A notification written in the transaction that causes it, delivered after commit by a job. */
@Entity('notification_outbox')
export class OutboxNotification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('text') kind!: string;
  @Column('uuid', { name: 'application_id', nullable: true }) applicationId!: string | null;
  @Column('uuid', { name: 'recipient_user_ids', array: true }) recipientUserIds!: string[];
  /** Addresses without an account yet (a judge invitation). */
  @Column('text', { name: 'recipient_emails', array: true, default: () => "'{}'" }) recipientEmails!: string[];
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt!: Date | null;
  @Column('int') attempts!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  /** Reminders: one per (kind, application, deadline). */
  @Column('text', { name: 'dedup_key', nullable: true }) dedupKey!: string | null;
}
