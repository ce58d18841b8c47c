import { ApiProperty } from '@nestjs/swagger';

const UP = ['up', 'down'];

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: UP }) db!: 'up' | 'down';
  @ApiProperty({ enum: UP }) redis!: 'up' | 'down';
  @ApiProperty({ enum: UP }) storage!: 'up' | 'down';
  @ApiProperty({ enum: UP, description: 'Chromium is installed (rendering itself runs in the worker)' }) renderer!: 'up' | 'down';
}
