/**
 * The report as PDF: its HTML page printed by headless chromium, driven by playwright-core. The
 * browser is the system's (Debian's `chromium`), never one downloaded; playwright-core is an
 * optional dependency, imported only here.
 */
import { existsSync } from "node:fs";
import { ConfigError } from "../core/index.js";

/** Debian's chromium, the default browser. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Prints `html` to an A4 PDF with chromium at `chromiumPath`. */
export async function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (!existsSync(chromiumPath)) {
    throw new ConfigError("chromium", `${chromiumPath} not found: PDF needs chromium (apt-get install chromium, or SITREP_CHROMIUM=PATH)`);
  }
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (error) {
    throw new ConfigError("playwright-core", `not installed: PDF needs it (npm install playwright-core) (${error instanceof Error ? error.message : String(error)})`);
  }
  const args = ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"];
  // As root chromium refuses its sandbox (it needs an unprivileged user); the page printed is our
  // own, with scripts forbidden by its policy, and nothing is loaded from elsewhere.
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args, timeout: 60_000 });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" } });
  } finally {
    await browser.close();
  }
}
