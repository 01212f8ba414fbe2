/**
 * Build of the web application (src/web/app) with Vite: Preact through esbuild's automatic JSX runtime (no
 * framework plugin needed), hashed file names under /assets/ (served with a long cache by serveWebApp.ts),
 * the KERN UX styles and fonts bundled as files of their own. The output folder is given by buildWebApp.ts.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export const WEB_APP_ROOT = fileURLToPath(new URL("./app", import.meta.url));

export default defineConfig({
  root: WEB_APP_ROOT,
  base: "/",
  logLevel: "warn",
  publicDir: false,
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  resolve: { alias: { react: "preact/compat", "react-dom": "preact/compat" } },
  build: {
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
});
