/** Injection token of the shared ioredis connection (redis.module.ts). */
export const REDIS = Symbol('REDIS');
