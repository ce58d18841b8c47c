import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTACHMENT_KINDS } from './attachments.service';

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'application/pdf', description: 'From the content, not the declared type' }) contentType!: string;
  @ApiProperty({ type: String, nullable: true }) originalName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({
    enum: ['pending', 'matched', 'different', 'unreadable'],
    description: 'Stamped receipts: whether the QR code on the scan matches the sealed snapshot',
  })
  receiptCheck?: 'pending' | 'matched' | 'different' | 'unreadable';
}
