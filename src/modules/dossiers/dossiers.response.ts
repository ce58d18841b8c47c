import { ApiProperty } from '@nestjs/swagger';

/** 202 while a dossier renders (with Retry-After). */
export class DossierPendingResponse {
  @ApiProperty({ enum: ['queued', 'rendering'] }) status!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ format: 'uuid' }) snapshotId!: string;
}

export class ExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['dossiers_zip'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ enum: ['queued', 'running', 'ready', 'failed'] }) status!: string;
  @ApiProperty({ description: 'Dossiers to pack' }) total!: number;
  @ApiProperty() done!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Bytes of the ZIP once ready' }) size!: number | null;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

/** Where a copy stands (`GET …/dossier/status`, `POST …/dossier/retry`), without the PDF. */
export class DossierStatusResponse {
  @ApiProperty({ enum: ['queued', 'rendering', 'ready', 'failed'] }) status!: 'queued' | 'rendering' | 'ready' | 'failed';
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ format: 'uuid' }) snapshotId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'why the last render failed (status failed)' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt!: string | null;
}
