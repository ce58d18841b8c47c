import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DossierBuilder } from './dossier-builder';
import { DossierExportBuilder, DossierExportsService } from './dossier-exports.service';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { ExportsController } from './exports.controller';
import { ReceiptChecker } from './receipt-check';

/**
 * PDF dossiers (API side: request and hand out; rendering in the worker, see DossiersWorkerModule),
 * receipt QR checks and bulk exports.
 */
@Module({
  imports: [ApplicationsModule],
  controllers: [DossiersController, ExportsController],
  providers: [DossiersService, DossierExportsService, DossierBuilder],
  exports: [DossiersService],
})
export class DossiersModule {}

/** What a worker process needs to render, check receipts and build exports. */
@Module({
  providers: [DossierBuilder, ReceiptChecker, DossierExportBuilder],
  exports: [DossierBuilder, ReceiptChecker, DossierExportBuilder],
})
export class DossiersWorkerModule {}
