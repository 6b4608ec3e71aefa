/**
 * Where photos' bytes live, outside the database: a local directory by default
 * (LocalDirectoryStorage, MEDIA_DIR); an S3-compatible object store is another adapter of this port
 * (see the README). Keys are relative paths such as `<requestId>/<mediaId>.jpg`.
 */
export abstract class MediaStorage {
  /** Stores the bytes under `key` whole or not at all: a reader never sees half a file. */
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Removes `key`; nothing happens when it is not there. */
  abstract remove(key: string): Promise<void>;
}
