/**
 * The dashboard in a real browser (Debian's chromium through playwright-core) against the real
 * server on loopback: `sitrep demo` for the views, and an archive holding a hostile report
 * (`sitrep ingest` + `sitrep serve`) to show that nothing a document contains runs.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, haveChromium, launchChromium } from "./chromium.mjs";
import { ROOT, startSitrep } from "./sitrep-server.mjs";

type Server = Awaited<ReturnType<typeof startSitrep>>;

const available = haveChromium();
if (!available) {
  const message = `chromium not found at ${chromiumPath()} (SITREP_CHROMIUM): the dashboard browser tests are SKIPPED.`;
  if (process.env["CI"]) throw new Error(message);
  process.stderr.write(`\n!!! ${message}\n\n`);
}

/** Every panel has drawn data from the API. */
const READY = "body[data-map=ready][data-network=ready][data-table=ready]";

interface ApiEventDetail {
  id: number;
  type: string;
  evidence: Array<[number, number]>;
  context: { text: string; start: number };
}

async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, problems };
}

describe.runIf(available)("the dashboard", () => {
  let browser: Browser;
  let demo: Server;

  beforeAll(async () => {
    [browser, demo] = await Promise.all([launchChromium(), startSitrep(["demo"])]);
  }, 400_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), demo?.stop()]);
  }, 30_000);

  it("draws the map, the network and the table from the demo archive, under an open-demo banner", async () => {
    const { page, problems } = await openPage(browser, `${demo.url}/`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await expect.poll(() => page.locator(".map path.land").count()).toBeGreaterThan(4000);
    expect(await page.locator(".map .point, .map .cluster").count()).toBeGreaterThan(0);
    expect(await page.locator("#map .legend [data-type]").count()).toBeGreaterThan(0);
    expect(await page.locator(".network .node").count()).toBeGreaterThan(2);
    expect(await page.locator(".network .edge").count()).toBeGreaterThan(1);
    expect(await page.locator("table.events tbody tr[data-event-id]").count()).toBe(25);
    expect(await page.locator("#banner").isVisible()).toBe(true);
    expect(await page.locator("#banner").textContent()).toContain("Open demo mode");
    const health = (await (await page.request.get(`${demo.url}/api/health`)).json()) as { counts: { documents: number; events: number } };
    expect(await page.locator("#health").textContent()).toContain(
      `${health.counts.documents.toLocaleString("en-GB")} documents · ${health.counts.events.toLocaleString("en-GB")} events`,
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("draws directs and sponsors edges apart, and a click on one shows the passage stating it", async () => {
    const { page } = await openPage(browser, `${demo.url}/`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const net = (await (await page.request.get(`${demo.url}/api/network`)).json()) as { edges: Array<{ kind: string }> };
    const kind = net.edges.find((e) => e.kind === "directs" || e.kind === "sponsors")?.kind;
    expect(kind, "the demo archive's network has a directs or sponsors edge").toBeDefined();
    const line = page.locator(`.network .edge[data-kind=${kind}] .line`).first();
    expect(await line.getAttribute("marker-end")).toBe(`url(#arrow-${kind})`);
    expect(Number(await line.getAttribute("stroke-width"))).toBeGreaterThanOrEqual(3);
    const eventLine = page.locator(".network .edge[data-kind=event] .line").first();
    expect(await eventLine.getAttribute("stroke")).not.toBe(await line.getAttribute("stroke"));
    await page.locator(`.network .edge[data-kind=${kind}]`).first().dispatchEvent("click");
    const relation = page.locator("#evidence .relation mark").first();
    await relation.waitFor({ timeout: 20_000 });
    expect((await relation.textContent())?.length).toBeGreaterThan(5);
    await page.close();
  }, 120_000);

  it("keeps a type filter in the URL, narrows the table to it, and restores it on reload", async () => {
    const { page, problems } = await openPage(browser, `${demo.url}/`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const facets = (await (await page.request.get(`${demo.url}/api/facets`)).json()) as { types: Array<{ type: string; count: number }> };
    const total = facets.types.reduce((sum, t) => sum + t.count, 0);
    // A type that is not every event, so the table must change.
    const chosen = facets.types.filter((t) => t.count < total).sort((a, b) => b.count - a.count)[0]!;
    await page.selectOption("select[name=type]", chosen.type);
    await page.waitForURL((url) => url.searchParams.get("type") === chosen.type);
    const typesShown = async () => (await page.locator("table.events tbody tr td:nth-child(3)").allTextContents()).map((t) => t.trim());
    await expect.poll(async () => new Set(await typesShown()), { timeout: 20_000 }).toEqual(new Set([chosen.type]));
    expect((await typesShown()).length).toBe(Math.min(25, chosen.count));
    // The CSV download asks for the same view.
    const href = await page.locator("a.csv").getAttribute("href");
    expect(href).toBe(`/api/events.csv?type=${chosen.type}`);
    const csv = await page.request.get(`${demo.url}${href}`);
    expect(csv.ok()).toBe(true);
    expect((await csv.text()).trim().split("\n").length).toBeGreaterThanOrEqual(chosen.count + 1);

    await page.reload();
    await page.waitForSelector(READY, { timeout: 60_000 });
    expect(await page.locator("select[name=type]").inputValue()).toBe(chosen.type);
    expect(new Set(await typesShown())).toEqual(new Set([chosen.type]));
    // Back undoes the filter.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("type"));
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("opens an event's evidence from the table and the map, its spans highlighted", async () => {
    const { page, problems } = await openPage(browser, `${demo.url}/`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const row = page.locator("table.events tbody tr[data-event-id]").first();
    const id = Number(await row.getAttribute("data-event-id"));
    await row.click();
    await page.waitForURL((url) => url.searchParams.get("event") === String(id));
    const detail = page.locator(`#evidence .event-detail[data-event="${id}"]`);
    await detail.waitFor({ timeout: 20_000 });
    const event = (await (await page.request.get(`${demo.url}/api/events/${id}`)).json()) as ApiEventDetail;
    const expected = event.evidence.map(([s, e]) => event.context.text.slice(s - event.context.start, e - event.context.start));
    const marks = await detail.locator(".passage mark").allTextContents();
    expect(marks.join(" ")).toBe(expected.join(" "));
    expect(await detail.locator(".passage").textContent()).toBe(event.context.text);
    expect(await detail.locator(".type-badge").textContent()).toContain(event.type);
    expect(await detail.locator(".facts").textContent()).toContain("speaker");

    const point = page.locator(".map .point").first();
    const pointId = await point.getAttribute("data-event-id");
    await point.dispatchEvent("click");
    await page.locator(`#evidence .event-detail[data-event="${pointId}"] .passage mark`).first().waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("draws a bar per week with events, and a brush over the timeline sets the date range", async () => {
    const { page, problems } = await openPage(browser, `${demo.url}/`);
    await page.waitForSelector(`${READY}[data-timeline=ready]`, { timeout: 60_000 });
    const ts = (await (await page.request.get(`${demo.url}/api/timeseries?interval=week&by=type`)).json()) as {
      series: Array<{ points: Array<{ period: string; events: number }> }>;
    };
    const weeks = new Set(ts.series.flatMap((s) => s.points.filter((p) => p.events > 0).map((p) => p.period)));
    const total = ts.series.reduce((sum, s) => sum + s.points.reduce((n, p) => n + p.events, 0), 0);
    const bars = page.locator(".timeline .bar");
    expect(await bars.count()).toBeGreaterThan(1);
    // Every bar is a week the API counted; the events drawn and those said to be off the axis
    // (a misread year far from the rest) are all the API's events.
    const periods = await bars.evaluateAll((els) => els.map((el) => el.getAttribute("data-period")!));
    expect(periods.every((p) => weeks.has(p))).toBe(true);
    const drawn = (await bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-events"))))).reduce((a, b) => a + b, 0);
    const off = page.locator(".timeline-panel .off-axis");
    const left = (await off.count()) ? Number(await off.getAttribute("data-count")) : 0;
    expect(drawn + left).toBe(total);
    expect(left).toBeLessThan(total * 0.02);
    expect(await page.locator(".timeline .bar rect").count()).toBeGreaterThanOrEqual(periods.length);

    const box = (await page.locator(".timeline .brush .overlay").boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.55, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL((url) => url.searchParams.has("since") && url.searchParams.has("until"));
    const url = new URL(page.url());
    const since = url.searchParams.get("since")!;
    const until = url.searchParams.get("until")!;
    // Whole weeks: Monday to Sunday.
    expect(new Date(`${since}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(new Date(`${until}T00:00:00Z`).getUTCDay()).toBe(0);
    expect(await page.locator("input[name=since]").inputValue()).toBe(since);
    await expect
      .poll(async () => (await page.locator("table.events tbody tr[data-event-id] td:nth-child(2)").allTextContents()).every((d) => d <= until), { timeout: 20_000 })
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("says clearly when the API answers an error", async () => {
    const { page } = await openPage(browser, `${demo.url}/?event=987654321`);
    const error = page.locator("#evidence .error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/^The API answered 404: /);
    await page.close();
  }, 60_000);
});

describe.runIf(available)("a hostile report in the dashboard", () => {
  const TITLE = `Police post attacked <img src=x onerror="window.__sitrepPwned='title';alert('title')"> in Kismayo`;
  const URL_FIELD = "javascript:window.__sitrepPwned='url';alert('url')";
  const SCRIPT = "<script>window.__sitrepPwned='script';alert('script')</script>";
  const IMG = `<img src=x onerror="window.__sitrepPwned='img';alert('img')">`;
  const TEXT =
    `KISMAYO, March 14 — Gunmen attacked a police post in Kismayo on Thursday ${SCRIPT}, killing four officers ${IMG}, ` +
    "a regional official said. Residents shared a link, javascript:alert('text'), that showed the burnt post.";
  let browser: Browser;
  let server: Server;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-dashboard-"));
    writeFileSync(join(dir, "hostile.jsonl"), `${JSON.stringify({ id: "hostile", published: "2025-03-14", title: TITLE, url: URL_FIELD, text: TEXT })}\n`);
    const db = join(dir, "hostile.db");
    await promisify(execFile)(process.execPath, [join(ROOT, "dist/cli/main.js"), "ingest", "--db", db, join(dir, "hostile.jsonl")]);
    [browser, server] = await Promise.all([launchChromium(), startSitrep(["serve", "--db", db])]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it("shows the script, the image tag and the javascript: link as text, and runs none of them", async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const row = page.locator("table.events tbody tr[data-event-id]").first();
    expect(await row.locator("td:nth-child(8)").textContent()).toBe(TITLE);
    await row.click();
    const passage = page.locator("#evidence .event-detail .passage");
    await passage.waitFor({ timeout: 20_000 });
    expect(await passage.textContent()).toContain(SCRIPT);
    expect(await passage.textContent()).toContain(IMG);
    // The javascript: URL is shown, not linked; no link anywhere points at a script.
    expect(await page.locator("#evidence .source .unlinked").textContent()).toBe(TITLE);
    expect(await page.locator("a[href^='javascript:' i]").count()).toBe(0);
    // Nothing a document holds became an element.
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    await page.locator(".map .point").first().hover();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __sitrepPwned?: string }).__sitrepPwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
