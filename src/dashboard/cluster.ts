/**
 * Groups map points that would overlap on screen. Pure (tested in cluster.test.ts): points are in
 * screen pixels; a greedy pass over a grid of `radius`-sized cells, heaviest points first, makes
 * each cluster around its first member and gives it every point within `radius` of that centre.
 */

export interface ScreenPoint<T> {
  x: number;
  y: number;
  item: T;
}

export interface Cluster<T> {
  /** Mean position of the members. */
  x: number;
  y: number;
  items: T[];
  /** True when all members sit on one pixel: zooming cannot split them. */
  stacked: boolean;
}

/**
 * Clusters points closer than `radius` pixels. `weight` orders the seeds (the deadliest event
 * anchors its cluster), so a cluster sits where its heaviest event is, not between towns.
 */
export function clusterPoints<T>(
  points: ReadonlyArray<ScreenPoint<T>>,
  radius: number,
  weight: (item: T) => number,
): Array<Cluster<T>> {
  const order = [...points].sort((a, b) => weight(b.item) - weight(a.item));
  const cells = new Map<string, Array<{ seed: ScreenPoint<T>; members: Array<ScreenPoint<T>> }>>();
  const clusters: Array<{ seed: ScreenPoint<T>; members: Array<ScreenPoint<T>> }> = [];
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (const p of order) {
    const cx = Math.floor(p.x / radius);
    const cy = Math.floor(p.y / radius);
    let home: (typeof clusters)[number] | undefined;
    let best = radius * radius;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const c of cells.get(key(cx + dx, cy + dy)) ?? []) {
          const d = (c.seed.x - p.x) ** 2 + (c.seed.y - p.y) ** 2;
          if (d <= best) {
            best = d;
            home = c;
          }
        }
      }
    }
    if (home) {
      home.members.push(p);
      continue;
    }
    const created = { seed: p, members: [p] };
    clusters.push(created);
    const k = key(cx, cy);
    cells.set(k, [...(cells.get(k) ?? []), created]);
  }
  return clusters.map(({ members }) => {
    const x = members.reduce((sum, m) => sum + m.x, 0) / members.length;
    const y = members.reduce((sum, m) => sum + m.y, 0) / members.length;
    const stacked = members.every((m) => Math.abs(m.x - members[0]!.x) < 1 && Math.abs(m.y - members[0]!.y) < 1);
    return { x, y, items: members.map((m) => m.item), stacked };
  });
}
