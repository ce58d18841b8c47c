import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface DownloadOptions {
  /** Offered to the browser as the saved file's name (Content-Disposition: attachment). */
  fileName: string;
  contentType: string;
  expiresSeconds?: number;
  /** Shown in the browser tab (Content-Disposition: inline) instead of saved; the caller decides which types may. */
  inline?: boolean;
}

/**
 * The object store, always through the AWS SDK v3: S3 in production, MinIO or the project's
 * s3rver in development and tests (S3_ENDPOINT + S3_FORCE_PATH_STYLE). Keys are chosen by the
 * server; nothing a user typed becomes part of a key.
 */
@Injectable()
export class StorageService implements OnModuleDestroy {
  readonly bucket: string;
  private readonly s3: S3Client;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.bucket = config.s3.bucket;
    this.s3 = createS3Client(config);
  }

  /**
   * Streams a body into the store as a multipart upload (bounded memory: queueSize × partSize).
   * `signal` aborts it; an aborted or failed upload leaves no object behind.
   */
  async putStream(key: string, body: Readable, contentType: string, signal?: AbortSignal): Promise<void> {
    const upload = new Upload({
      client: this.s3,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    const abort = () => void upload.abort().catch(() => undefined);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      await upload.done();
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /** A file from local disk, in one PUT with its length known (attachments are spooled first). */
  async putFile(key: string, path: string, size: number, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: createReadStream(path), ContentLength: size, ContentType: contentType }),
    );
  }

  async putBuffer(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }),
    );
  }

  async getStream(key: string): Promise<Readable> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return out.Body as Readable;
  }

  async getBuffer(key: string): Promise<Buffer> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /** A short-lived GET URL that makes the browser save the file under its (sanitised) name. */
  async signedDownloadUrl(key: string, opts: DownloadOptions): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: contentDisposition(opts.fileName, opts.inline ? 'inline' : 'attachment'),
        ResponseContentType: opts.contentType,
      }),
      { expiresIn: opts.expiresSeconds ?? this.config.uploads.downloadUrlSeconds },
    );
  }

  async ping(): Promise<void> {
    await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  onModuleDestroy(): void {
    this.s3.destroy();
  }
}

export function createS3Client(config: Pick<AppConfig, 's3'>): S3Client {
  const { endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = config.s3;
  return new S3Client({
    endpoint,
    region,
    forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Checksums only where the protocol demands them: with the v3 default (aws-chunked framing on
    // every streamed PUT) S3-compatible servers such as s3rver store the framing inside the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** `attachment` (or `inline`) with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987), so 组织架构图.pdf survives. */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

const isNotFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NotFound' || err?.name === 'NoSuchKey' || err?.$metadata?.httpStatusCode === 404;
};
