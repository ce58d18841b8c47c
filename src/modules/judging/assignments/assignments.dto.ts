import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';

export class AutoAssignDto {
  @ApiProperty({ description: 'true: preview only; false: apply (audited) and answer the diff' }) @IsBoolean() dryRun!: boolean;
}

export class ManualAssignmentDto {
  @ApiProperty({ format: 'uuid', description: 'An entry of the round' }) @IsUUID() applicationId!: string;
  @ApiProperty({ format: 'uuid', description: 'A judge on the round’s panel (user id)' }) @IsUUID() judgeId!: string;
}
