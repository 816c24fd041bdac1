/** The situation report on the filtered events (`sitrep report`), as Markdown or an HTML page. */
import { z } from "zod";
import { gatherReport, renderReport, type Shapes } from "../../report/index.js";
import type { Store } from "../../store/index.js";
import { route, type Route } from "../route.js";
import { EVENT_FILTERS } from "../schemas.js";
import { defined } from "./events.js";

const { bbox: _, ...FILTERS } = EVENT_FILTERS;

export const REPORT_QUERY = z.strictObject({
  ...FILTERS,
  format: z.enum(["md", "html"]).default("html").describe("html: one self-contained page (default); md: Markdown, its figures as data: URIs"),
});

/**
 * The page's own policy, stricter than the dashboard's: no script at all, its inline styles and
 * data: images only.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `shapes` gives the map's outlines (read once by the caller), or null for a map without them. */
export function reportRoutes(store: Store, shapes: () => Promise<Shapes | null>): Route[] {
  return [
    route({
      method: "get", path: "/api/report", tag: "events", role: "reader", query: REPORT_QUERY,
      response: { contentType: "text/html", description: "the report: an HTML page, or Markdown (text/markdown) with format=md" },
      summary: "The situation report on the events matching the filters: figures against the previous period, actors, notable and contested events, map, timeline",
    }, async ({ query }, c) => {
      const { format, ...filters } = query;
      const report = await gatherReport(store, defined(filters));
      const { body } = await renderReport(report, format, { shapes: await shapes() });
      return c.body(String(body), 200, {
        "Content-Type": format === "md" ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
        "Content-Security-Policy": REPORT_CSP,
      });
    }),
  ];
}
