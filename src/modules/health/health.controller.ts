import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from './health.response';
import type Redis from 'ioredis';
import { access, constants } from 'node:fs/promises';
import { Public } from '../../common/auth/decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Sql } from '../../infra/database/sql';
import { REDIS } from '../../infra/redis/redis.module';
import { StorageService } from '../../infra/storage/storage.service';

type Up = 'up' | 'down';
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), ms).unref())]);
const probe = (p: () => Promise<unknown>): Promise<Up> =>
  within(p(), 1500).then(
    () => 'up' as const,
    () => 'down' as const,
  );

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Sql,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: StorageService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness of the platform and each dependency' })
  @ApiOkResponse({ type: HealthResponse })
  async check(): Promise<HealthResponse> {
    const [db, redis, storage, renderer] = await Promise.all([
      probe(() => this.db.run('SELECT 1')),
      probe(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect().catch(() => undefined);
        return this.redis.ping();
      }),
      probe(() => this.storage.ping()),
      probe(() => access(this.config.chromiumPath, constants.X_OK)),
    ]);
    return { status: db === 'up' && redis === 'up' && storage === 'up' ? 'ok' : 'degraded', db, redis, storage, renderer };
  }
}
