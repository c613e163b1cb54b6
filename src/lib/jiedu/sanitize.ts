import type { HastNode, HastPluginDefinition, HastVisitorContext, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import { ALLOWED_COMPONENTS, COMPONENT_PROPS, type AllowedComponent } from './allowedComponents.ts';
import { isAllowedLink, isSiteImage } from './urls.ts';

/**
 * The render-time half of 解读 safety: a Sätteri hast step that Astro runs on every Markdown and MDX
 * entry (`markdown.processor` in astro.config.mjs; MDX inherits it). `npm run check` refuses unsafe
 * content with a message for the editor; this step makes sure that whatever gets past the check
 * (a bug in it, a plain `astro build`, the dev server) still never reaches a page. It keeps what
 * Markdown and GFM produce and the allowlisted components with their own props, and drops
 * everything else: raw HTML (all HTML in a `.md`), comments, HTML elements written in MDX,
 * expressions, `import`/`export`, unknown attributes, and links or images whose URL is not allowed.
 */

type Element = Extract<HastNode, { type: 'element' }>;
type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Allowed = (value: unknown) => boolean;

const any: Allowed = () => true;
const link: Allowed = (v) => typeof v === 'string' && isAllowedLink(v);
const siteImage: Allowed = (v) => typeof v === 'string' && isSiteImage(v);
/** Ids the GFM footnotes make: prefixed, so that no 解读 can clobber an id of the page. */
const footnoteId: Allowed = (v) => typeof v === 'string' && (v.startsWith('user-content-') || v === 'footnote-label');
/** Table column alignment, the only style Markdown makes. */
const alignment: Allowed = (v) => typeof v === 'string' && /^text-align: (left|center|right)$/.test(v);

/** Every element Markdown and GFM produce, with the properties each may carry. */
const ELEMENTS: Record<string, Record<string, Allowed>> = {
  a: {
    href: link,
    title: any,
    id: footnoteId,
    className: any,
    dataFootnoteRef: any,
    dataFootnoteBackref: any,
    ariaDescribedBy: any,
    ariaLabel: any,
  },
  img: { src: siteImage, alt: any, title: any },
  input: { type: (v) => v === 'checkbox', checked: any, disabled: any },
  code: { className: any },
  ul: { className: any },
  ol: { start: any, className: any },
  li: { id: footnoteId, className: any },
  th: { style: alignment },
  td: { style: alignment },
  section: { dataFootnotes: any, className: any },
  h2: { id: footnoteId, className: any },
  ...Object.fromEntries(
    ['p', 'blockquote', 'pre', 'em', 'strong', 'del', 'sup', 'br', 'hr', 'h1', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr'].map(
      (tag) => [tag, {}],
    ),
  ),
};

const isComponent = (name: string | null): name is AllowedComponent => (ALLOWED_COMPONENTS as readonly (string | null)[]).includes(name);

/** A component's attribute as it may stay: its own prop, a plain string, or a number for Figure's size; null to drop it. */
function allowedAttribute(component: AllowedComponent, attribute: JsxElement['attributes'][number]): boolean {
  if (attribute.type !== 'mdxJsxAttribute' || !COMPONENT_PROPS[component].includes(attribute.name)) return false;
  const { value } = attribute;
  if (value && typeof value === 'object')
    return component === 'Figure' && (attribute.name === 'width' || attribute.name === 'height') && /^\s*\d+\s*$/.test(value.value);
  if (typeof value !== 'string') return false;
  return component !== 'Figure' || attribute.name !== 'src' || isSiteImage(value);
}

function dropped(ctx: HastVisitorContext, node: Readonly<HastNode>, what: string): void {
  const file = ctx.fileURL ? ctx.fileURL.pathname : '(内容)';
  console.warn(`[sanitize] ${file}: 已删除 / removed ${what}`);
  ctx.removeNode(node);
}

function component(node: Readonly<JsxElement>, ctx: HastVisitorContext): void {
  if (!isComponent(node.name)) return dropped(ctx, node, `<${node.name ?? ''}>`);
  const attributes = node.attributes.filter((a) => allowedAttribute(node.name as AllowedComponent, a));
  if (attributes.length === node.attributes.length) return;
  console.warn(`[sanitize] ${ctx.fileURL?.pathname ?? '(内容)'}: <${node.name}> 的属性已删除 / attributes removed`);
  ctx.replaceNode(node, { ...node, attributes } as JsxElement);
}

export const sanitizeJiedu: HastPluginDefinition = {
  name: 'sanitize-jiedu',
  raw: (node, ctx) => dropped(ctx, node, `HTML ${JSON.stringify(node.value.slice(0, 60))}`),
  comment: (node, ctx) => ctx.removeNode(node),
  doctype: (node, ctx) => ctx.removeNode(node),
  mdxjsEsm: (node, ctx) => dropped(ctx, node, 'import/export'),
  mdxFlowExpression: (node, ctx) => ctx.removeNode(node),
  mdxTextExpression: (node, ctx) => ctx.removeNode(node),
  mdxJsxFlowElement: { filter: [], visit: component },
  mdxJsxTextElement: { filter: [], visit: component },
  element: {
    filter: [],
    visit(node: Readonly<Element>, ctx) {
      const allowed = ELEMENTS[node.tagName];
      if (!allowed) return dropped(ctx, node, `<${node.tagName}>`);
      for (const [key, value] of Object.entries(node.properties)) {
        if (!allowed[key]?.(value)) ctx.setProperty(node, key, undefined);
      }
    },
  },
};
