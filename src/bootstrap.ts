import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { validationError } from './common/errors/domain-error';
import { flattenValidationErrors } from './common/errors/validation-details';
import type { AppConfig } from './config/app-config';

/** Builds the HTTP application (shared by main.ts and the tests). */
export async function createApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: opts.logger === false ? false : ['error', 'warn', 'log'],
  });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(helmet({ contentSecurityPolicy: false }));
  // JSON and JSON merge patch; 1 MB is far beyond any section (essays are ≤ 5000 characters)
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/merge-patch+json'] }));
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: (errors) => validationError(flattenValidationErrors(errors)),
    }),
  );

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Top-Ten Award Platform API')
      .setDescription('中国十佳呼叫中心奖 (卓越全渠道客服) — applications, judging and review rounds. Errors: { statusCode, error, message, details[] }.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('topten_sid')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
