// The browser tests pass functions to page.evaluate(), which run in the page: they need the DOM's types.
// (A lib reference holds for the whole program; src/domain stays pure through its eslint rules, not through types.)
/// <reference lib="dom" />
