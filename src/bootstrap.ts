import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { validationError } from './common/errors/domain-error';
import { frameworkError } from './common/errors/http-error.filter';
import { flattenValidationErrors } from './common/errors/validation-details';
import { InputGuard } from './common/input/input.guard';
import { SESSION_COOKIE } from './common/auth/tokens';
import { documentCommonAnswers } from './common/openapi/document';
import { ErrorResponse } from './common/openapi/error-response';
import { SectionRegistry } from './form/section-registry';
import { computedSchema, computedSchemaName, sectionSchema, sectionSchemaName } from './form/section-schema';
import type { AppConfig } from './config/app-config';
import { useLeanAsyncResourceBind } from './infra/http/lean-async-resource-bind';
import { applySecurityHeaders, securityHeaders } from './infra/http/security-headers';
import { serveWebPages } from './web-pages';

/** 1 MB is far beyond any section (essays are ≤ 5000 characters); larger bodies get 413. */
const BODY_LIMIT = 1024 * 1024;

export interface RouteInfo {
  method: string;
  url: string;
}
const routeTables = new WeakMap<INestApplication, RouteInfo[]>();

/** Every route the HTTP server serves (the authorization-matrix test checks it covers them all). */
export const routesOf = (app: INestApplication): RouteInfo[] => routeTables.get(app) ?? [];

/**
 * Builds the HTTP application (shared by main.ts and the tests). Nest runs on Fastify: the
 * autosave benchmark measured Nest's Express adapter alone at 0.26 ms CPU per request against
 * 0.09 ms for the raw baseline, Fastify at 0.14 ms (bench/RESULTS.md).
 */
export async function createApp(
  config: AppConfig,
  opts: { logger?: boolean; /** pages from another build (bench/page-load.ts) */ webRoot?: string } = {},
): Promise<NestFastifyApplication> {
  useLeanAsyncResourceBind(); // Node 20 binds the body parser's callback expensively: see the file
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: frameworkError,
  });
  const routes: RouteInfo[] = [];
  adapter.getInstance().addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  // JSON merge patch (autosave) is JSON with its own media type
  adapter
    .getInstance()
    .addContentTypeParser(
      'application/merge-patch+json',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      adapter.getInstance().getDefaultJsonParser('error', 'error'),
    );

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: opts.logger === false ? false : ['error', 'warn', 'log'],
  });
  routeTables.set(app, routes);
  // helmet's headers on every answer (pages add their own CSP: web-pages.ts), worked out once
  const headers = securityHeaders();
  adapter.getInstance().addHook('onRequest', (_req, reply, done) => {
    applySecurityHeaders(headers, reply.raw);
    done();
  });
  await app.register(fastifyCookie);
  // uploads are streamed (see AttachmentsService); the plugin's own limits are only a backstop
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploads.maxFileBytes + 1, files: 1, fields: 4, parts: 8, fieldSize: 1024, headerPairs: 100 },
  });
  app.setGlobalPrefix('api');
  // before every other guard and pipe: nothing walks a body nested 10,000 deep or stores a NUL
  app.useGlobalGuards(new InputGuard());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      // the failing object is kept on each error so that its limits are read from the DTO's
      // declarations (validation-details.ts); the values are not echoed back
      validationError: { target: true, value: false },
      exceptionFactory: (errors) => validationError(flattenValidationErrors(errors)),
    }),
  );

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Top-Ten Award Platform API')
      .setDescription(
        '中国十佳呼叫中心奖 (卓越全渠道客服) — applications, judging and review rounds. Errors: { statusCode, error, message, code, details[] } (ErrorResponse).',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
    { extraModels: [ErrorResponse] },
  );
  // each section's document, from its descriptor (the section routes refer to these by name)
  for (const def of app.get(SectionRegistry).all()) {
    doc.components!.schemas![sectionSchemaName(def.key)] = sectionSchema(def);
    doc.components!.schemas![computedSchemaName(def.key)] = computedSchema(def);
  }
  documentCommonAnswers(doc);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json' });
  await serveWebPages(app, opts.webRoot);
  return app;
}
