/**
 * The sideways-scrolling frame of a wide table: focusable and named, so keyboard users can scroll it
 * (axe: scrollable-region-focusable) even when the table holds no link. The frame shows the focus outline
 * (styles.css) and scrolls inside itself, so a phone's page never becomes wider than the screen.
 */
import type { ComponentChildren } from "preact";

export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="teilhabe-table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
