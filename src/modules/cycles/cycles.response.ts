import { ApiProperty } from '@nestjs/swagger';

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'omnichannel_excellence' }) code!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty() nameEn!: string;
}

export class CycleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ format: 'date-time', description: 'ISO-8601 with the cycle zone’s offset' }) opensAt!: string;
  @ApiProperty({ format: 'date-time', description: 'ISO-8601 with the cycle zone’s offset' }) submissionDeadline!: string;
  @ApiProperty({ description: 'Opened and before the deadline' }) open!: boolean;
  @ApiProperty({ type: [CategoryResponse] }) categories!: CategoryResponse[];
}
