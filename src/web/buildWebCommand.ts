/** `npm run build:web`: builds the web application into dist/web now (npm start does it when needed). */
import { buildWebApp } from "./buildWebApp.ts";

const started = performance.now();
const outDir = await buildWebApp({ force: true });
process.stdout.write(`Webanwendung gebaut: ${outDir} (${((performance.now() - started) / 1000).toFixed(1).replace(".", ",")} s)\n`);
