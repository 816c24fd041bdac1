/**
 * The situation report: `gatherReport` reads it from the store, `renderReport` writes it as
 * Markdown, a self-contained HTML page or PDF, with its figures (network, map, timeline) drawn
 * as SVG here, without a browser.
 *
 * @example
 * const report = await gatherReport(store, { country: "AFG" });
 * const { body } = await renderReport(report, "html", { shapes: await loadShapes(file) });
 */
import { FIGURES, type Figures } from "./blocks.js";
import { mapSvg } from "./figures/map.js";
import { networkSvg } from "./figures/network.js";
import type { Shapes } from "./figures/shapes.js";
import { timelineSvg } from "./figures/timeline.js";
import type { Report } from "./gather.js";
import { renderHtml } from "./html.js";
import { renderMarkdown, svgDataUri } from "./markdown.js";
import { outline } from "./outline.js";
import { DEFAULT_CHROMIUM, htmlToPdf } from "./pdf.js";

export { gatherReport, type Report, type ReportFilters, type ReportOptions } from "./gather.js";
export { findShapesFile, loadShapes, type Shapes } from "./figures/shapes.js";
export { choosePeriods, DEFAULT_DAYS } from "./period.js";
export { DEFAULT_CHROMIUM } from "./pdf.js";
export type { Figures, FigureName } from "./blocks.js";

export const REPORT_FORMATS = ["md", "html", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** The map's outlines; null draws the places on a bare grid. */
  shapes: Shapes | null;
  /**
   * Markdown only: the name the figures' files start with (`report` gives report-map.svg, …),
   * written beside the report and linked by name. Absent: the figures are data: URIs inside it.
   */
  figuresBase?: string;
  /** PDF only: the chromium to print with (default Debian's). */
  chromium?: string;
}

export interface RenderedReport {
  body: string | Buffer;
  /** Files to write beside the report (the Markdown figures), by name. */
  files: Array<{ name: string; content: string }>;
}

/** The figures of a report, as SVG documents. */
export function drawFigures(report: Report, shapes: Shapes | null): Figures {
  const { since, until } = report.periods.current;
  return {
    network: networkSvg(report.network),
    map: mapSvg(report.points, shapes, report.byCountry, report.filters.country ? [report.filters.country] : []),
    timeline: timelineSvg(report.timeline, since, until),
  };
}

/** The report in `format`, with the files its Markdown links to. */
export async function renderReport(report: Report, format: ReportFormat, options: RenderOptions): Promise<RenderedReport> {
  const figures = drawFigures(report, options.shapes);
  const blocks = outline(report);
  if (format === "md") {
    const base = options.figuresBase;
    if (base === undefined) return { body: renderMarkdown(blocks, (name) => svgDataUri(figures[name])), files: [] };
    const fileName = (name: string): string => `${base}-${name}.svg`;
    return {
      body: renderMarkdown(blocks, (name) => encodeURI(fileName(name))),
      files: FIGURES.map((name) => ({ name: fileName(name), content: figures[name] })),
    };
  }
  const html = renderHtml(blocks, figures);
  if (format === "html") return { body: html, files: [] };
  return { body: await htmlToPdf(html, options.chromium ?? DEFAULT_CHROMIUM), files: [] };
}
