import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../core/index.js";
import { createExtractor, type Extractor } from "../index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});
const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
const names = (r: ExtractionRecord, ids: string[]) => ids.map((id) => r.actors.find((a) => a.id === id)?.name ?? "?");

describe("event arguments: what is given and to whom", () => {
  it("does not take the forces an actor offers for the target", () => {
    const r = run("Kenya has offered its police officers to Haiti.");
    const e = r.events.find((x) => x.type === "AGREE" || x.type === "AID");
    expect(names(r, e?.actor ?? [])).toEqual(["Kenya"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Haiti"]);
  });
  it("reads the first object of a double-object verb as the recipient", () => {
    const r = run("Norway will give Malawi a grant of 20 million dollars.");
    const e = r.events.find((x) => x.type === "AGREE" || x.type === "AID");
    expect(names(r, e?.actor ?? [])).toEqual(["Norway"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Malawi"]);
  });
  it("does not join a country and an agent across a comma", () => {
    const text = "Troops were sent to Chad, defence ministry officials said.";
    const r = run(text);
    for (const a of r.actors) for (const [s, e] of a.mentions) expect(text.slice(s, e)).not.toContain(",");
  });
});
