#!/usr/bin/env node
// `npm run bench` (last part): the dashboard's time to first render of data on the demo archive.
// `sitrep demo` serves on loopback; Debian's chromium (test/chromium.mjs) loads the page, each
// run in a fresh browser context (cold cache) and once more reloaded (warm cache), and reads the
// page's own performance marks: `sitrep:first-data` (the first panel drawn with data), one per
// panel, and `sitrep:shapes` (the map's outlines). Milliseconds since navigation start. Prints
// figures; asserts nothing.
//
//   node bench/dashboard.mjs [--runs N]
import { benchOptions } from "./args.mjs";
import { chromiumPath, haveChromium, launchChromium } from "../test/chromium.mjs";
import { startSitrep } from "../test/sitrep-server.mjs";

const values = benchOptions("bench/dashboard", { runs: { type: "string", default: "7" } });
const RUNS = Number(values.runs);
const MARKS = ["first-data", "map", "timeline", "network", "table", "shapes"];
const READY = "body[data-map=ready][data-network=ready][data-table=ready][data-shapes=ready]";

if (!haveChromium()) {
  console.log(`dashboard bench: skipped, chromium not found at ${chromiumPath()} (SITREP_CHROMIUM)`);
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fixed = (n) => (n === undefined ? "-" : n.toFixed(0));

const builtAt = performance.now();
const [browser, demo] = await Promise.all([launchChromium(), startSitrep(["demo"])]);
console.log(`dashboard: demo archive built and served in ${fixed((performance.now() - builtAt) / 1000)} s at ${demo.url}; chromium ${browser.version()}`);

/** Loads the page (or reloads it) and returns the marks' times, once every panel is drawn. */
async function measure(page, reload) {
  if (reload) await page.reload();
  else await page.goto(`${demo.url}/`);
  await page.waitForSelector(READY, { timeout: 120_000 });
  // The timeline is drawn when its query answers; give it a moment after the others.
  await page.waitForSelector("body[data-timeline=ready], #status:not([hidden])", { timeout: 30_000 }).catch(() => undefined);
  return page.evaluate((marks) => Object.fromEntries(marks.map((m) => [m, performance.getEntriesByName(`sitrep:${m}`)[0]?.startTime])), MARKS);
}

const cold = [];
const warm = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    cold.push(await measure(page, false));
    warm.push(await measure(page, true));
    await context.close();
  }
} finally {
  await Promise.all([browser.close(), demo.stop()]);
}

for (const [name, runs] of [["cold cache", cold], ["warm cache", warm]]) {
  console.log(`dashboard time to render, ${name}, ${RUNS} runs (median, best-worst), ms since navigation start:`);
  for (const mark of MARKS) {
    const times = runs.map((r) => r[mark]).filter((t) => t !== undefined);
    const label = mark === "first-data" ? "first data on screen" : mark === "shapes" ? "map outlines" : `${mark} drawn`;
    if (times.length === 0) console.log(`  ${label.padEnd(22)} not drawn (see the page's status line)`);
    else console.log(`  ${label.padEnd(22)} ${fixed(median(times))} (${fixed(Math.min(...times))}-${fixed(Math.max(...times))})`);
  }
}
