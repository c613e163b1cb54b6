import { parseFragment } from 'parse5';
import type { SpeechChild, SpeechNode } from '../../../src/lib/speech/blocks.ts';

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

/** A test element: a `SpeechNode` built from HTML by parse5, with its id to find it by. */
export interface TestNode extends SpeechNode, SpeechChild {
  readonly id: string | null;
  readonly children: TestNode[];
}

/** `html` parsed into `SpeechNode`s under a `<main>` root, as a browser's elements would present them. */
export function parse(html: string): TestNode {
  const convert = (node: Parse5Node, parent: TestNode | null): TestNode => {
    const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]));
    const element = {
      tagName: (node.tagName ?? 'main').toUpperCase(),
      children: [] as TestNode[],
      childNodes: [] as SpeechChild[],
      parentElement: parent,
      id: attrs.get('id') ?? null,
      nodeType: 1,
      textContent: null,
      getAttribute: (name: string) => attrs.get(name) ?? null,
      hasAttribute: (name: string) => attrs.has(name),
    };
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') element.childNodes.push({ nodeType: 3, textContent: child.value ?? '' });
      else if (child.tagName) {
        const converted = convert(child, element);
        element.children.push(converted);
        element.childNodes.push(converted);
      }
    }
    return element;
  };
  return convert(parseFragment(html) as unknown as Parse5Node, null);
}

/** The element with `id` under `root`. */
export function byId(root: TestNode, id: string): TestNode {
  const found = root.id === id ? root : root.children.map((c) => (hasId(c, id) ? byId(c, id) : null)).find(Boolean);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

function hasId(node: TestNode, id: string): boolean {
  return node.id === id || node.children.some((c) => hasId(c, id));
}
