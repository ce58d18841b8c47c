import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATES, type ApplicationState } from '../applications/application.entity';

export class TransitionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state!: ApplicationState;
  @ApiProperty() version!: number;
  @ApiProperty({ example: '"2"' }) etag!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'seal: the frozen snapshot' }) snapshotId?: string;
  @ApiPropertyOptional({ description: 'seal: SHA-256 of the snapshot’s canonical JSON' }) sha256?: string;
}

export class ExtensionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'The entry’s deadline now, in the cycle’s zone' }) deadline!: string;
  @ApiProperty({ description: 'A staff extension applies' }) extended!: boolean;
}

export class SnapshotListItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when the entry was unsealed or resealed' })
  supersededAt!: string | null;
}

export class SnapshotResponse extends SnapshotListItemResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen document: every section’s data and computed values' })
  document!: Record<string, unknown>;
}

export class SnapshotVerifyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The recomputed hash equals the stored one' }) valid!: boolean;
  @ApiProperty() expected!: string;
  @ApiProperty() actual!: string;
  @ApiProperty({ description: 'The stored text is the canonical JSON of its document' }) canonical!: boolean;
}
