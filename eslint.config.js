// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "dist/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The web application runs in the browser.
    files: ["src/web/app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain core is pure: no I/O, no clock, no process state.
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts", "src/domain/**/*TestSupport.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "http", "child_process", "os"], message: "src/domain is pure: no I/O." },
            { group: ["**/cli/**", "**/store/**", "**/server/**"], message: "src/domain must not depend on outer layers." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "No clock reads in src/domain: pass dates in." },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "No clock reads in src/domain: pass dates in." },
        { selector: "MemberExpression[object.name='Temporal'][property.name='Now']", message: "No clock reads in src/domain: pass dates in." },
        { selector: "MemberExpression[object.name='process']", message: "src/domain must not read process state." },
      ],
    },
  },
);
