import { describe, expect, it } from "vitest";
import { filterParams, patchFilters, readView, sameFilters, writeView } from "./filters.js";

describe("the view in the URL", () => {
  it("reads filters, order and event, and writes them back in a fixed order", () => {
    const view = readView("?type=assault&country=syr&since=2024-03-04&text=shelled%20market&sort=-fatalities&event=12");
    expect(view).toEqual({
      filters: { since: "2024-03-04", country: "SYR", type: "ASSAULT", text: "shelled market" },
      sort: "-fatalities",
      event: 12,
    });
    expect(writeView(view)).toBe("?since=2024-03-04&country=SYR&type=ASSAULT&text=shelled+market&sort=-fatalities&event=12");
  });

  it("drops malformed values instead of sending them on", () => {
    const view = readView("?since=yesterday&until=2024-13-45&country=Syria&type=PARTY&modality=maybe&sort=name&event=-3&actor=%20%20");
    expect(view).toEqual({ filters: {}, sort: "-date", event: null });
    expect(writeView(view)).toBe("");
  });

  it("keeps hostile text as a value, encoded", () => {
    const view = readView(`?actor=${encodeURIComponent("<script>alert(1)</script>")}`);
    expect(view.filters.actor).toBe("<script>alert(1)</script>");
    expect(writeView(view)).toBe("?actor=%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
  });

  it("patches filters: an empty value clears, another country drops the division", () => {
    const f = { country: "SOM", admin1: "Banaadir", type: "ASSAULT" };
    expect(patchFilters(f, { type: "" })).toEqual({ country: "SOM", admin1: "Banaadir" });
    expect(patchFilters(f, { country: "KEN" })).toEqual({ country: "KEN", type: "ASSAULT" });
    expect(patchFilters(f, { country: "KEN", admin1: "Mandera" })).toEqual({ country: "KEN", admin1: "Mandera", type: "ASSAULT" });
    expect(patchFilters(f, { since: "2024-02-30" })).toEqual(f);
  });

  it("builds API queries without the filters asked to leave out", () => {
    const f = { since: "2024-01-01", until: "2024-02-01", actor: "al-Shabaab" };
    expect(filterParams(f, ["since", "until"]).toString()).toBe("actor=al-Shabaab");
    expect(sameFilters(f, { actor: "al-Shabaab", until: "2024-02-01", since: "2024-01-01" })).toBe(true);
    expect(sameFilters(f, { actor: "al-Shabaab" })).toBe(false);
  });
});
