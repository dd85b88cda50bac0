// Keeps the head and the tail of a stream within a byte budget, counting what was dropped.
// A testbench can print gigabytes; the log a model sees must stay small and keep both ends.
export class OutputCap {
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;

  constructor(
    private readonly headLimit: number,
    private readonly tailLimit: number,
  ) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headBytes < this.headLimit) {
      const take = Math.min(chunk.length, this.headLimit - this.headBytes);
      this.head.push(chunk.subarray(0, take));
      this.headBytes += take;
      chunk = chunk.subarray(take);
      if (chunk.length === 0) return;
    }
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tail.length > 1 && this.tailBytes - this.tail[0]!.length >= this.tailLimit) {
      this.tailBytes -= this.tail.shift()!.length;
    }
  }

  get totalBytes(): number {
    return this.total;
  }

  /** Bytes not kept. */
  get droppedBytes(): number {
    return Math.max(0, this.total - this.headBytes - Math.min(this.tailBytes, this.tailLimit));
  }

  text(): string {
    const head = Buffer.concat(this.head).toString("utf8");
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.tailLimit) tail = tail.subarray(tail.length - this.tailLimit);
    const dropped = this.droppedBytes;
    if (dropped === 0) return head + tail.toString("utf8");
    return `${head}\n... [${dropped} bytes of output dropped] ...\n${tail.toString("utf8")}`;
  }
}
