import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttachmentKind } from '../../form/field-types';

/** An uploaded file: the bytes live in the object store under `storage_key`; here, what they are and who sent them. */
@Entity('attachments')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'application_id' }) applicationId!: string;
  @Column('text') kind!: AttachmentKind;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  /** Bytes; a bigint, read as text. */
  @Column('bigint') size!: string;
  @Column('text') sha256!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('text', { name: 'original_name', nullable: true }) originalName!: string | null;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  /** Stamped receipts: whether the QR code on the scan matches the sealed snapshot. */
  @Column('text', { name: 'receipt_check', nullable: true }) receiptCheck!: 'pending' | 'matched' | 'different' | 'unreadable' | null;
  @Column('timestamptz', { name: 'receipt_checked_at', nullable: true }) receiptCheckedAt!: Date | null;
  /** What the receipt's QR code read (staff compare it with the sealed hash). */
  @Column('text', { name: 'receipt_decoded', nullable: true }) receiptDecoded!: string | null;
}
