import { describe, expect, it } from "vitest";
import { clusterPoints } from "./cluster.js";

const pt = (x: number, y: number, w: number) => ({ x, y, item: { id: `${x},${y}`, w } });

describe("clusterPoints", () => {
  it("groups points within the radius and keeps distant ones apart", () => {
    const clusters = clusterPoints([pt(100, 100, 1), pt(105, 103, 5), pt(300, 100, 2), pt(108, 90, 0)], 14, (i) => i.w);
    expect(clusters.map((c) => c.items.map((i) => i.id).sort())).toEqual([["100,100", "105,103", "108,90"], ["300,100"]]);
    expect(clusters[0]!.stacked).toBe(false);
    expect(clusters[0]!.x).toBeCloseTo((100 + 105 + 108) / 3);
  });

  it("seeds clusters with the heaviest point, so a chain is not swallowed whole", () => {
    // 0 — 12 — 24 in a line: seeded at 12 (heaviest), both ends are within 14 px of it.
    expect(clusterPoints([pt(0, 0, 1), pt(12, 0, 9), pt(24, 0, 1)], 14, (i) => i.w)).toHaveLength(1);
    // Seeded at 0: 24 is beyond the radius of the seed and makes its own cluster.
    expect(clusterPoints([pt(0, 0, 9), pt(12, 0, 1), pt(24, 0, 1)], 14, (i) => i.w)).toHaveLength(2);
  });

  it("marks clusters whose members share one spot", () => {
    const [c] = clusterPoints([pt(50, 50, 1), { x: 50.2, y: 50.1, item: { id: "b", w: 0 } }], 14, (i) => i.w);
    expect(c!.stacked).toBe(true);
    expect(c!.items).toHaveLength(2);
  });
});
