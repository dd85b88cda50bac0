// A minimal ustar writer: regular files only, enough to ship files to `tar -x` on a host.
const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, "0") + "\0";
}

function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: "" };
  const cut = name.lastIndexOf("/", 155);
  if (
    cut > 0 &&
    Buffer.byteLength(name.slice(cut + 1)) <= 100 &&
    Buffer.byteLength(name.slice(0, cut)) <= 155
  )
    return { name: name.slice(cut + 1), prefix: name.slice(0, cut) };
  throw new Error(`file name too long for tar: ${name}`);
}

function header(path: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(path);
  h.write(name, 0, 100, "utf8");
  h.write(octal(0o644, 8), 100, "latin1");
  h.write(octal(0, 8), 108, "latin1");
  h.write(octal(0, 8), 116, "latin1");
  h.write(octal(size, 12), 124, "latin1");
  h.write(octal(Math.floor(Date.now() / 1000), 12), 136, "latin1");
  h.write("        ", 148, "latin1"); // checksum placeholder
  h.write("0", 156, "latin1");
  h.write("ustar\0", 257, "latin1");
  h.write("00", 263, "latin1");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + " ", 148, "latin1");
  return h;
}

/** A tar archive of the given files (contents as UTF-8 text or bytes). */
export function tarFiles(files: { name: string; content: string | Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    const body = typeof f.content === "string" ? Buffer.from(f.content, "utf8") : f.content;
    parts.push(header(f.name, body.length), body);
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
