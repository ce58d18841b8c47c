import { hash, randomBytes } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256: a leaked table opens no session. */
// crypto.hash: one call, no Hash object — a third of createHash's cost on every authenticated request
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

export const SESSION_COOKIE = 'topten_sid';
