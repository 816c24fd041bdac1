/** `sitrep report`: the situation report on the events the filters keep, as Markdown, HTML or PDF. */
import { basename, dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { findShapesFile, gatherReport, loadShapes, renderReport, REPORT_FORMATS, type ReportFormat } from "../report/index.js";
import { PACKAGE_ROOT, parseCommand } from "./args.js";
import { REPORT_HELP } from "./help.js";
import { EVENT_FILTER_OPTIONS, eventQuery, oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { writeWhole } from "./write-whole.js";

const BY_EXTENSION: Record<string, ReportFormat> = { ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf" };

/** Runs `sitrep report ARGS`; resolves to the exit status. */
export async function runReport(args: string[]): Promise<number> {
  const { values } = parseCommand("report", () => parseArgs({
    args,
    options: {
      ...STORE_OPTIONS, ...EVENT_FILTER_OPTIONS,
      format: { type: "string" }, output: { type: "string", short: "o" }, help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(REPORT_HELP);
    return 0;
  }
  const output = values.output;
  const format = oneOf("format", values.format, REPORT_FORMATS, "report")
    ?? (output === undefined ? undefined : BY_EXTENSION[extname(output).toLowerCase()]) ?? "md";
  const filters = eventQuery(values, "report");
  const shapesFile = findShapesFile(PACKAGE_ROOT);
  const store = await openStoreFrom(values);
  let report;
  try {
    report = await gatherReport(store, filters);
  } finally {
    await store.close();
  }
  const base = output === undefined ? undefined : basename(output, extname(output));
  const rendered = await renderReport(report, format, {
    shapes: shapesFile === null ? null : await loadShapes(shapesFile),
    ...(format === "md" && base !== undefined ? { figuresBase: base } : {}),
    chromium: process.env["SITREP_CHROMIUM"] || undefined,
  });
  const put = (out: NodeJS.WritableStream, content: string | Buffer): Promise<number> =>
    new Promise((resolve, reject) => out.write(content, (error) => (error ? reject(error) : resolve(content.length))));
  if (output === undefined) {
    await put(process.stdout, rendered.body);
  } else {
    // The figures first: a report is never left linking to files that are not there.
    for (const file of rendered.files) await writeWhole(join(dirname(output), file.name), (out) => put(out, file.content));
    await writeWhole(output, (out) => put(out, rendered.body));
  }
  const { since, until } = report.periods.current;
  const where = output === undefined ? "" : ` to ${[output, ...rendered.files.map((f) => join(dirname(output), f.name))].join(", ")}`;
  process.stderr.write(`report of ${since} to ${until}: ${report.current.events} events, ${report.current.incidents} incidents; ${format} written${where}\n`);
  return 0;
}
