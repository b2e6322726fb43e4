import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { InvalidStorageKeyError, StoredObjectNotFoundError, contentAddressedKey, sha256Hex } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'duyet-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores a buffer under a content-addressed key and reads it back', async () => {
    const content = Buffer.from('Kế hoạch năm học');
    const sha = sha256Hex(content);
    const key = contentAddressedKey(sha);
    expect(key).toBe(`sha256/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);

    await storage.put(key, content);

    expect(await storage.exists(key)).toBe(true);
    expect(await text(await storage.get(key))).toBe('Kế hoạch năm học');
    // Nothing left in the scratch directory once the rename is done.
    expect(await filesUnder(root)).toEqual([path.join('sha256', sha.slice(0, 2), sha.slice(2, 4), sha)]);
  });

  it('stores a stream', async () => {
    await storage.put('plans/a.txt', Readable.from([Buffer.from('một '), Buffer.from('hai')]));
    expect(await text(await storage.get('plans/a.txt'))).toBe('một hai');
  });

  it('leaves nothing behind when the stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('một nửa'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.put('plans/b.txt', failing)).rejects.toThrow('connection reset');
    expect(await storage.exists('plans/b.txt')).toBe(false);
    // A pipeline rejects before its file stream has closed, and once (on a loaded CI machine) the stream had not
    // yet created its scratch file when the cleanup ran, so the file appeared after it. Look again a little later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await filesUnder(root)).toEqual([]);
  });

  it('reports a missing key and deletes without complaint', async () => {
    await expect(storage.get('plans/none.txt')).rejects.toBeInstanceOf(StoredObjectNotFoundError);
    await storage.put('plans/c.txt', Buffer.from('c'));
    await storage.delete('plans/c.txt');
    await storage.delete('plans/c.txt');
    expect(await storage.exists('plans/c.txt')).toBe(false);
  });

  it.each(['../escape', 'a/../../b', '/abs', '.tmp/x', 'a//b', 'a\\b', ''])(
    'refuses the key %j, which could leave the root or touch scratch files',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    },
  );
});
