import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADVANCEMENT_TYPES, AGGREGATIONS, ENTRANTS } from './rounds.dto';

export class AdvancementResponse {
  @ApiProperty({ enum: ADVANCEMENT_TYPES }) type!: string;
  @ApiPropertyOptional() n?: number;
  @ApiPropertyOptional() score?: number;
}

export class PanelJudgeResponse {
  @ApiProperty({ format: 'uuid', description: 'The judge’s user id' }) judgeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Entries at most in this round (else the profile’s capacity)' })
  capacity!: number | null;
  @ApiProperty({ description: 'Accepted this cycle’s confidentiality terms' }) confidentialityAccepted!: boolean;
  @ApiProperty({ description: 'Entries assigned to the judge in this round (removed assignments not counted)' }) assignments!: number;
}

export class RoundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '1 for the cycle’s first round' }) ordinal!: number;
  @ApiProperty({ format: 'uuid' }) rubricId!: string;
  @ApiProperty() reviewsPerApplication!: number;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty() blind!: boolean;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation!: string;
  @ApiProperty({ type: AdvancementResponse }) advancement!: AdvancementResponse;
  @ApiProperty({ enum: ENTRANTS }) entrants!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Applications in the round (fixed when it opens)' }) entries!: number;
  @ApiProperty({ type: [PanelJudgeResponse] }) panel!: PanelJudgeResponse[];
}
