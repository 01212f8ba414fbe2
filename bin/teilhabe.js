#!/usr/bin/env node
// Runs the TypeScript command line from the checkout (`npx teilhabe …`) without a build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
