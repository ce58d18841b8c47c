import { Global, Module } from '@nestjs/common';
import { StorageService } from './storage.service';

/** The object store for attachments, dossiers and exports (API and worker alike). */
@Global()
@Module({ providers: [StorageService], exports: [StorageService] })
export class StorageModule {}
