import { ApiProperty } from '@nestjs/swagger';
import { BilingualDoc } from '../rubrics/rubrics.response';

export class KpiStandingResponse {
  @ApiProperty() target!: number;
  @ApiProperty() actual!: number;
  @ApiProperty({ description: 'Met its own target by the catalogue’s rule' }) met!: boolean;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Better than this percentage of the other entrants that reported the KPI (which way is better: the catalogue); null when no other did',
  })
  betterThanPct!: number | null;
}

export class KpiBenchmarkResponse {
  @ApiProperty({ example: 'operations.aht' }) key!: string;
  @ApiProperty({ type: BilingualDoc }) label!: BilingualDoc;
  @ApiProperty({ type: BilingualDoc }) unit!: BilingualDoc;
  @ApiProperty({ enum: ['lower', 'higher', 'band'] }) direction!: string;
  @ApiProperty({ description: 'Entrants of the cycle and category that reported target and actual' }) reporting!: number;
  @ApiProperty({ nullable: true, type: Number }) p25!: number | null;
  @ApiProperty({ nullable: true, type: Number }) median!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p75!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Share (0–1) of the reporting entrants that met their own target' })
  metShare!: number | null;
  @ApiProperty({ type: KpiStandingResponse, nullable: true, description: 'This entry; null when it did not report the KPI' })
  entry!: KpiStandingResponse | null;
}

export class AssignmentBenchmarkResponse {
  @ApiProperty({ description: 'Entrants of the cycle and category (submitted or later) the figures are taken over' }) entrants!: number;
  @ApiProperty({ type: [KpiBenchmarkResponse] }) kpis!: KpiBenchmarkResponse[];
}
