import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { MediaStorage } from './media-storage';

const KEY = /^[A-Za-z0-9-]+(\/[A-Za-z0-9.-]+)*$/;

/**
 * Photos as files in a directory (MEDIA_DIR). Each is written to a temporary name in the same
 * directory tree first and renamed into place, which is atomic on one filesystem: a crash mid-write
 * leaves only a temporary file, never a half photo under its key.
 */
export class LocalDirectoryStorage extends MediaStorage {
  private readonly root: string;

  constructor(directory: string) {
    super();
    this.root = resolve(directory);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const temporary = join(this.root, '.tmp', randomUUID());
    await mkdir(dirname(temporary), { recursive: true });
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are made by the service, never by clients; this keeps even a bad one inside the directory. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!KEY.test(key) || !path.startsWith(this.root + sep)) throw new Error(`not a media key: ${key}`);
    return path;
  }
}
