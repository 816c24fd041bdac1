import { defineConfig } from "vite";

// Run from the package root (`npm run build`): paths are relative to it and to `root`.
export default defineConfig({
  root: "src/dashboard",
  // Relative asset URLs: the built page works wherever the server mounts it.
  base: "./",
  publicDir: false,
  build: {
    outDir: "../../dist/dashboard",
    emptyOutDir: true,
    target: "es2022",
    // The preload polyfill would be inlined into the page; a strict CSP (script-src 'self')
    // forbids inline scripts, and every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    // The shapes file is fetched, never inlined as a data: URL.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
