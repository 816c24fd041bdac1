/**
 * Debian's chromium driven by playwright-core, for the dashboard's browser tests and its benchmark
 * (plain JavaScript, shared by test/dashboard.test.ts and bench/dashboard.mjs). The browser is the
 * system's (`apt-get install chromium`; .ci/run does it), never one playwright downloads.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Where the browser is: SITREP_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.SITREP_CHROMIUM || "/usr/bin/chromium";
}

/** True when the browser is there to run. */
export function haveChromium() {
  return existsSync(chromiumPath());
}

/**
 * Starts headless chromium. As root (CI) chromium refuses to start with its sandbox, which
 * needs an unprivileged user, so then it runs without (the pages it opens are our own, on loopback).
 * @returns {Promise<import("playwright-core").Browser>}
 */
export async function launchChromium() {
  const args = ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args, timeout: 60_000 });
}
