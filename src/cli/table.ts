/** Readable tables for the terminal (cli-table3), without colour codes so output pipes cleanly. */
import Table from "cli-table3";

export function formatTable(head: string[], rows: (string | number)[][], alignRight: number[] = []): string {
  const table = new Table({ head, style: { head: [], border: [] }, colAligns: head.map((_, index) => (alignRight.includes(index) ? "right" : "left")) });
  for (const row of rows) table.push(row.map(String));
  return table.toString();
}
