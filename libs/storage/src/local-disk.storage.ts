import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileStorage, StoredObjectNotFoundError, assertStorageKey } from './file-storage';

// Scratch files live inside the root so that the final rename stays on one file system and is atomic.
// Keys cannot start with '.', so no key ever lands here.
const SCRATCH = '.tmp';

const isNotFound = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** FileStorage on the local disk, rooted at one directory. */
export class LocalDiskStorage implements FileStorage {
  constructor(readonly root: string) {}

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const target = this.pathOf(key);
    const scratchDir = path.join(this.root, SCRATCH);
    await Promise.all([mkdir(path.dirname(target), { recursive: true }), mkdir(scratchDir, { recursive: true })]);
    const scratch = path.join(scratchDir, `${randomUUID()}.part`);
    try {
      if (Buffer.isBuffer(content)) {
        const file = await open(scratch, 'wx');
        try {
          await file.writeFile(content);
          // Flushed before the rename, so a crash never leaves a complete-looking name over partial bytes.
          await file.sync();
        } finally {
          await file.close();
        }
      } else {
        const out = createWriteStream(scratch, { flags: 'wx', flush: true });
        try {
          await pipeline(content, out);
        } finally {
          // A failed pipeline settles as soon as the source fails, while the file may still be opening: wait until
          // the stream has let go of it, or the cleanup below runs first and the file appears after it.
          if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        }
      }
      await rename(scratch, target);
    } catch (err) {
      await rm(scratch, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const file = await open(this.pathOf(key), 'r');
      return file.createReadStream();
    } catch (err) {
      if (isNotFound(err)) throw new StoredObjectNotFoundError(key);
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}
