// Content-addressed file store: a repository file travels to a server once and is then named
// by its sha256. Bounded by bytes, least recently used evicted first.
import { sha256 } from "../core/hash.js";

export class BlobHashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlobHashError";
  }
}

export class BlobStore {
  private blobs = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes = 512 * 1024 * 1024) {}

  /** Stores `content`; a given hash must be its sha256 (a wrong one would poison later jobs). */
  put(content: string, hash?: string): string {
    const actual = sha256(content);
    if (hash !== undefined && hash !== actual)
      throw new BlobHashError(`sha256 mismatch: content hashes to ${actual}, not ${hash}`);
    hash = actual;
    if (this.blobs.has(hash)) {
      this.touch(hash);
      return hash;
    }
    this.blobs.set(hash, content);
    this.bytes += Buffer.byteLength(content);
    while (this.bytes > this.maxBytes && this.blobs.size > 1) {
      const oldest = this.blobs.keys().next().value as string;
      this.bytes -= Buffer.byteLength(this.blobs.get(oldest)!);
      this.blobs.delete(oldest);
    }
    return hash;
  }

  get(hash: string): string | undefined {
    const v = this.blobs.get(hash);
    if (v !== undefined) this.touch(hash);
    return v;
  }

  has(hash: string): boolean {
    return this.blobs.has(hash);
  }

  get size(): { blobs: number; bytes: number } {
    return { blobs: this.blobs.size, bytes: this.bytes };
  }

  private touch(hash: string): void {
    const v = this.blobs.get(hash)!;
    this.blobs.delete(hash);
    this.blobs.set(hash, v);
  }
}
