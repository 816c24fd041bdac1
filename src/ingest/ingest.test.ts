import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPublished, formatSize, readInputs, splitLines, type IngestItem, type IngestOptions } from "./index.js";

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "sitrep-ingest-")); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function collect(inputs: string[], options: IngestOptions = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

/** Each item as a short string: `doc id|published|text` or `error message` (the temp dir cut). */
async function read(inputs: string[], options: IngestOptions = {}): Promise<string[]> {
  return (await collect(inputs, options)).map((item) =>
    "doc" in item
      ? `doc ${item.doc.id}|${item.doc.published}|${item.doc.text}`
      : `error ${item.error.message.replace(`${dir}/`, "")}`);
}

describe("text files", () => {
  it("reads a file as one document named after it, with the given date", async () => {
    const path = await file("rafah-1.txt", "Troops shelled the crossing on Monday.\n");
    expect(await read([path], { published: "2026-01-05" }))
      .toEqual(["doc rafah-1|2026-01-05|Troops shelled the crossing on Monday.\n"]);
  });

  it("gives null as published when no date is given", async () => {
    const path = await file("plain.txt", "Talks resumed in Geneva.");
    expect(await read([path])).toEqual(["doc plain|null|Talks resumed in Geneva."]);
  });

  it("reports a missing file, a directory, binary data, bad UTF-8 and an empty file", async () => {
    const items = await read([
      join(dir, "nowhere.txt"), dir,
      await file("image.txt", new Uint8Array([0x89, 0x50, 0x00, 0x01])),
      await file("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
      await file("blank.txt", "  \n\n"),
      await file("good.txt", "Rebels took the town."),
    ]);
    expect(items).toEqual([
      "error nowhere.txt: no such file",
      `error ${dir}: is a directory`,
      "error image.txt: binary file (NUL bytes)",
      "error latin1.txt: file is not UTF-8 text",
      "error blank.txt: empty file",
      "doc good|null|Rebels took the town.",
    ]);
  });

  it("rejects a file over the cap by its size", async () => {
    const path = await file("long.txt", "x".repeat(3000));
    expect(await read([path], { maxBytes: 1024 })).toEqual(["error long.txt: document of 2.9 KB exceeds the 1 KB limit"]);
  });

  it("sniffs a file without extension: text, or JSONL when its first line is an object", async () => {
    const text = await file("note", "{braces} open this report.\nSecond line.");
    const jsonl = await file("batch", '{"id": "x1", "text": "Police dispersed marchers."}\n');
    expect(await read([text, jsonl])).toEqual([
      "doc note|null|{braces} open this report.\nSecond line.",
      "doc x1|null|Police dispersed marchers.",
    ]);
  });
});

describe("JSONL files", () => {
  it("reads id, published and text of each line; ignores other fields; falls back to file:line", async () => {
    const path = await file("set.jsonl", [
      '{"id": "r1", "published": "2025-07-30", "text": "Militia fighters burned a village.", "gold": {"x": 1}}',
      "",
      '{"text": "Envoys met in Doha.", "published": null}',
      '{"id": 7, "published": "2025-08-01T09:30:00Z", "text": "Shelling resumed."}\r',
    ].join("\n"));
    expect(await read([path], { published: "2025-01-01" })).toEqual([
      "doc r1|2025-07-30|Militia fighters burned a village.",
      `doc ${dir}/set.jsonl:3|2025-01-01|Envoys met in Doha.`,
      "doc 7|2025-08-01|Shelling resumed.",
    ]);
  });

  it("gives one error per bad line and goes on", async () => {
    const path = await file("bad.jsonl", [
      '{"id": "a", "text": "One."}',
      "}",
      '["text"]',
      '{"id": "b"}',
      '{"id": "c", "text": 42}',
      '{"id": "d", "text": "Two.", "published": "2025-02-30"}',
      '{"id": "e", "text": "   "}',
      '{"id": "f", "text": "Three."}',
    ].join("\n"));
    const items = await read([path]);
    expect(items[0]).toBe("doc a|null|One.");
    expect(items[1]).toMatch(/^error bad\.jsonl:2: not JSON \(Unexpected token '?\}'?\)$/);
    expect(items.slice(2)).toEqual([
      "error bad.jsonl:3: not a JSON object",
      'error bad.jsonl:4: no "text" field',
      'error bad.jsonl:5: "text" is not a string (number)',
      'error bad.jsonl:6: invalid published date "2025-02-30" (expected YYYY-MM-DD)',
      'error bad.jsonl:7: empty "text"',
      "doc f|null|Three.",
    ]);
  });

  it("reports binary and non-UTF-8 lines, and an empty file", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"text": "ok"}\n{"text": "a\u0000'), Buffer.from([0x00]), Buffer.from('"}\n'),
      Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n'),
    ]);
    const path = await file("mixed.jsonl", bytes);
    const empty = await file("empty.jsonl", "\n\n");
    expect(await read([path, empty])).toEqual([
      `doc ${dir}/mixed.jsonl:1|null|ok`,
      "error mixed.jsonl:2: binary line (NUL bytes)",
      "error mixed.jsonl:3: line is not UTF-8 text",
      "error empty.jsonl: empty file",
    ]);
  });

  it("skips a line over the cap and reads the next", async () => {
    const path = await file("big.jsonl", `{"id": "big", "text": "${"y".repeat(5000)}"}\n{"id": "small", "text": "Fine."}\n`);
    expect(await read([path], { maxBytes: 2048 })).toEqual([
      "error big.jsonl:1: document of 4.9 KB exceeds the 2 KB limit",
      "doc small|null|Fine.",
    ]);
  });
});

describe("splitLines", () => {
  async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
    for (const part of parts) yield Buffer.from(part);
  }

  it("joins lines split across chunks and drops over-long ones", async () => {
    const lines: string[] = [];
    for await (const line of splitLines(chunks("ab", "c\nde", "fghij\n", "\nk"), 4)) {
      lines.push(line.bytes === null ? `<${line.size} dropped>` : Buffer.from(line.bytes).toString());
    }
    expect(lines).toEqual(["abc", "<7 dropped>", "", "k"]);
  });
});

describe("checks", () => {
  it("accepts real dates only", () => {
    expect(checkPublished("2024-02-29")).toBe("2024-02-29");
    expect(checkPublished(null)).toBeNull();
    expect(checkPublished("")).toBeNull();
    expect(checkPublished("2025-08-01T09:30:00Z")).toBe("2025-08-01");
    expect(checkPublished("2023-02-29")).toEqual({ reason: 'invalid published date "2023-02-29" (expected YYYY-MM-DD)' });
    expect(checkPublished(20240229)).toHaveProperty("reason");
    expect(checkPublished("29/02/2024")).toHaveProperty("reason");
  });

  it("formats sizes", () => {
    expect([formatSize(900), formatSize(1536), formatSize(50 * 1024 * 1024)]).toEqual(["900 bytes", "1.5 KB", "50.0 MB"]);
  });
});
