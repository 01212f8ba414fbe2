/**
 * Reads a UBL 2.1 document back (xmlbuilder2's DOM) by paths of local element names, e.g.
 * "AccountingCustomerParty/Party/EndpointID", so checks and tests can look at what was written.
 */
import { create } from "xmlbuilder2";

export interface UblElement {
  name: string;
  text: string;
  attribute(name: string): string | undefined;
  children(name?: string): UblElement[];
  /** All elements at the path below this one. */
  all(path: string): UblElement[];
  /** The first element at the path, or undefined. */
  first(path: string): UblElement | undefined;
  /** Text of the first element at the path, or undefined. */
  value(path: string): string | undefined;
}

/** The part of the DOM element interface (xmlbuilder2's DOM) read here; the project compiles without the DOM lib. */
interface DomElement {
  nodeType: number;
  localName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
}

function wrap(element: DomElement): UblElement {
  const childElements = () => Array.from(element.childNodes).filter((node) => node.nodeType === 1);
  const self: UblElement = {
    name: element.localName,
    get text() {
      return element.textContent ?? "";
    },
    attribute: (name) => element.getAttribute(name) ?? undefined,
    children: (name) => childElements().filter((child) => name === undefined || child.localName === name).map(wrap),
    all: (path) => {
      let level: UblElement[] = [self];
      for (const step of path.split("/")) level = level.flatMap((node) => node.children(step));
      return level;
    },
    first: (path) => self.all(path)[0],
    value: (path) => self.first(path)?.text,
  };
  return self;
}

/** The root element of a UBL XML text. */
export function readUbl(xml: string): UblElement {
  return wrap(create(xml).root().node as unknown as DomElement);
}

/** Every element in the tree, depth first (root included). */
export function allUblElements(root: UblElement): UblElement[] {
  return [root, ...root.children().flatMap(allUblElements)];
}
