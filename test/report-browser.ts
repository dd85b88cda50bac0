// Headless Chromium for the report tests and bench/report-large.ts: Debian's chromium driven by
// playwright-core, a fresh profile per launch, no network services. Not a test file itself.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.LLM4COV_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "llm4cov-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Visit {
  page: Page;
  /** Console errors, page errors and failed requests seen while loading. */
  errors: string[];
  /** Navigation start to the load event, from the page's own timing (ms). */
  loadMs: number;
  /** Wall time of page.goto until load, measured here (ms). */
  gotoMs: number;
}

export async function visit(b: Browser, file: string): Promise<Visit> {
  const page = await b.context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  const t = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const gotoMs = performance.now() - t;
  const loadMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.loadEventEnd - nav.startTime : -1;
  });
  return { page, errors, loadMs, gotoMs };
}

/** Variance of the grey levels of a PNG, decoded by the browser itself (no image library). */
export async function pixelVariance(b: Browser, png: Buffer): Promise<number> {
  const page = await b.context.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      let sq = 0;
      const n = d.length / 4;
      for (let i = 0; i < d.length; i += 4) {
        const g = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
        sum += g;
        sq += g * g;
      }
      const mean = sum / n;
      return sq / n - mean * mean;
    }, png.toString("base64"));
  } finally {
    await page.close();
  }
}
