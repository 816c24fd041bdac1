import { describe, expect, it } from "vitest";
import { markedSentence } from "./show.js";
import { renderList, type Column } from "./table.js";

interface Row { name: string; note: string | null; n: number }
const COLUMNS: Column<Row>[] = [
  { title: "name", value: (r) => r.name, max: 8 },
  { title: "note", value: (r) => r.note },
  { title: "n", value: (r) => r.n },
];
const ROWS: Row[] = [{ name: "Hill Front, North", note: 'said "no"', n: 3 }, { name: "Army", note: null, n: 12 }];

describe("listings", () => {
  it("align a table, cutting long cells", () => {
    expect(renderList("table", ROWS, COLUMNS)).toBe("name      note       n\nHill Fr…  said \"no\"  3\nArmy                 12\n");
  });

  it("quote CSV fields that need it, with CRLF rows", () => {
    expect(renderList("csv", ROWS, COLUMNS)).toBe('name,note,n\r\n"Hill Front, North","said ""no""",3\r\nArmy,,12\r\n');
  });

  it("give JSON items whole", () => {
    expect(renderList("jsonl", ROWS, COLUMNS).split("\n")[1]).toBe('{"name":"Army","note":null,"n":12}');
    expect(JSON.parse(renderList("json", [], COLUMNS))).toEqual([]);
  });
});

describe("an event's sentence", () => {
  const text = "Talks failed.\nOn Monday gunmen shot two guards at the gate. Police said so.";
  it("is the sentence around the evidence, the evidence marked", () => {
    const start = text.indexOf("gunmen shot");
    expect(markedSentence(text, [[start, start + "gunmen shot two".length]], { open: "[", close: "]" })).toBe("On Monday [gunmen shot two] guards at the gate.");
  });

  it("marks several spans in text order", () => {
    const a = text.indexOf("gunmen");
    const b = text.indexOf("guards");
    expect(markedSentence(text, [[b, b + 6], [a, a + 6]], { open: "<", close: ">" })).toBe("On Monday <gunmen> shot two <guards> at the gate.");
  });
});
