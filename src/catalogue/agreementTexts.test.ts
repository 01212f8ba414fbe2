/**
 * The agreement texts (agreements/<folder>/text.yaml) against their seed documents: every heading and paragraph
 * is literal seed text in the seed's own order, the wording covers nearly all of the document, and every
 * placeholder names an input; a placeholder naming an unknown input is refused with file, path and input id.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { agreementTextSchema } from "../domain/agreement/agreementTextSchema.ts";
import { formatIssue } from "../domain/agreement/validationIssue.ts";
import { DEFAULT_AGREEMENTS_DIRECTORY, loadAgreementFolder, loadCatalogue } from "./agreementCatalogue.ts";
import { checkAgreementTextWording } from "./agreementTextWording.ts";

const SEEDS = join(DEFAULT_AGREEMENTS_DIRECTORY, "../../shared/seeds");
const FOLDERS = readdirSync(DEFAULT_AGREEMENTS_DIRECTORY).filter((name) => existsSync(join(DEFAULT_AGREEMENTS_DIRECTORY, name, "text.yaml")));
const A4_FOLDER = join(DEFAULT_AGREEMENTS_DIRECTORY, "A4-bremen-intensivpaedagogisch");

function readText(folder: string) {
  return agreementTextSchema.parse(parse(readFileSync(join(DEFAULT_AGREEMENTS_DIRECTORY, folder, "text.yaml"), "utf8")).text);
}

describe("agreement texts", () => {
  it("every agreement A0–A4 has its full text, loaded into the catalogue", () => {
    expect(FOLDERS.map((folder) => folder.slice(0, 2)).sort()).toEqual(["A0", "A1", "A2", "A3", "A4"]);
    const catalogue = loadCatalogue();
    expect(catalogue.issues).toEqual([]);
    for (const id of ["A0", "A1", "A2", "A3", "A4"]) expect(catalogue.agreements.get(id)!.text?.clauses.length).toBeGreaterThan(10);
    // An instance carries its template's text.
    expect(catalogue.agreements.get("A1-beispiel")!.text).toEqual(catalogue.agreements.get("A1")!.text);
  });

  it("every clause names the agreement's own document as its source", () => {
    const catalogue = loadCatalogue();
    for (const folder of FOLDERS) {
      const id = folder.slice(0, 2);
      const files = new Set(readText(folder).clauses.map((clause) => clause.source.file));
      expect([...files], folder).toEqual([catalogue.agreements.get(id)!.document.file]);
    }
  });

  describe.skipIf(!existsSync(SEEDS))("wording against the seed documents", () => {
    it.each(FOLDERS)("%s: literal, in the document's order, covering at least 96 % of it", (folder) => {
      const text = readText(folder);
      const { problems, coverage } = checkAgreementTextWording(text, readFileSync(join(SEEDS, text.clauses[0]!.source.file), "utf8"));
      expect(problems).toEqual([]);
      expect(coverage).toBeGreaterThan(0.96);
    });

    it("a changed word, a swapped pair of clauses and a missing clause are caught", () => {
      const text = readText("A4-bremen-intensivpaedagogisch");
      const seed = readFileSync(join(SEEDS, text.clauses[0]!.source.file), "utf8");
      const index = text.clauses.findIndex((clause) => clause.source.clause === "§ 5.2");
      const changed = structuredClone(text);
      changed.clauses[index]!.paragraphs[0] = changed.clauses[index]!.paragraphs[0]!.replace("30 zusammenhängende", "31 zusammenhängende");
      expect(checkAgreementTextWording(changed, seed).problems).toEqual([expect.objectContaining({ path: `text.clauses[${index}].paragraphs[0]`, problem: "not in the document" })]);
      const swapped = structuredClone(text);
      [swapped.clauses[index], swapped.clauses[index + 1]] = [swapped.clauses[index + 1]!, swapped.clauses[index]!];
      expect(checkAgreementTextWording(swapped, seed).problems.map((problem) => problem.problem)).toContain("out of order");
      const shortened = structuredClone(text);
      shortened.clauses = shortened.clauses.filter((clause) => !clause.source.clause.startsWith("Anl. 1 §"));
      expect(checkAgreementTextWording(shortened, seed).coverage).toBeLessThan(0.8);
    });
  });

  it("a placeholder naming an unknown input is refused with file, path and input id", () => {
    const root = mkdtempSync(join(tmpdir(), "teilhabe-text-"));
    const folder = join(root, "A4-bremen-intensivpaedagogisch");
    cpSync(A4_FOLDER, folder, { recursive: true });
    const path = join(folder, "text.yaml");
    const original = readFileSync(path, "utf8");
    expect(original).toContain("in Höhe von {{P-A4-05}} vergütet");
    writeFileSync(path, original.replace("in Höhe von {{P-A4-05}} vergütet", "in Höhe von {{P-A4-99}} vergütet"));
    const loaded = loadAgreementFolder(folder, root);
    expect(loaded.agreements.size).toBe(0);
    const index = readText("A4-bremen-intensivpaedagogisch").clauses.findIndex((clause) => clause.source.clause === "§ 3.5");
    expect(loaded.issues).toHaveLength(1);
    const message = formatIssue(loaded.issues[0]!);
    expect(message.startsWith(`${relative(process.cwd(), path)}: text.clauses[${index}].paragraphs[0] (Wert: "Es wird eine Fachkraftquote`)).toBe(true);
    expect(message.endsWith(": Platzhalter {{P-A4-99}} nennt eine unbekannte Eingabe P-A4-99")).toBe(true);
    // A malformed placeholder is refused too.
    writeFileSync(path, original.replace("in Höhe von {{P-A4-05}} vergütet", "in Höhe von {{Fachkraftquote}} vergütet"));
    expect(loadAgreementFolder(folder, root).issues.map((issue) => issue.message)).toEqual(["Platzhalter „{{Fachkraftquote}}“ ist weder eine Eingabe wie „{{P-A4-11}}“ noch eine Lücke wie „{{offen: Beschreibung}}“"]);
  });
});
