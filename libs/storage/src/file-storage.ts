import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Injection token of the FileStorage in use (LocalDiskStorage now; an S3-compatible store can take its place). */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

/**
 * Opaque byte storage addressed by key. Keys are slash-separated segments of letters, digits, '.', '_' and '-'
 * that do not start with '.', so that no key can climb out of the store or collide with its scratch space.
 */
export interface FileStorage {
  /** Stores the content under key, replacing what was there; readers see the whole object or nothing. */
  put(key: string, content: Buffer | Readable): Promise<void>;
  /** The stored bytes; rejects with StoredObjectNotFoundError when the key holds nothing. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class StoredObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under key ${key}`);
    this.name = 'StoredObjectNotFoundError';
  }
}

export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key ${JSON.stringify(key)}`);
    this.name = 'InvalidStorageKeyError';
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function assertStorageKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new InvalidStorageKeyError(key);
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Content-addressed key: identical files share one object, and the two-level fan-out keeps directories small. */
export function contentAddressedKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new InvalidStorageKeyError(sha256);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
