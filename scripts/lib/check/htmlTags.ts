import { Tokenizer, TokenizerMode, type TokenHandler } from 'parse5';

/** One tag, comment or doctype of an HTML fragment, as the HTML tokenizer reads it. */
export interface HtmlToken {
  kind: 'start' | 'end' | 'comment' | 'doctype';
  /** The tag name as written (`Quote`, `meta`); `!DOCTYPE` for a doctype, '' for a comment. */
  name: string;
  /** 1-based line within the fragment. */
  line: number;
}

/** Elements whose content the tree builder reads as text; the bare tokenizer must be told. */
const TEXT_CONTENT: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/**
 * Every start tag, end tag, comment and doctype in `html`, in order, read by parse5's tokenizer
 * (the one behind hast-util-from-html), so a tag is named as a browser would read it, whatever it
 * starts with: `</p>`, `<meta …>`, `<!-- -->`, `<?xml …?>` (a comment to a browser).
 */
export function htmlTokens(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  /** The name as written: the tokenizer lowercases it, a component is told apart by its capital. */
  const written = (offset: number, lower: string) => {
    const name = html.slice(offset, offset + lower.length);
    return name.toLowerCase() === lower ? name : lower;
  };
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag(token) {
      const loc = token.location!;
      tokens.push({ kind: 'start', name: written(loc.startOffset + 1, token.tagName), line: loc.startLine });
      const mode = TEXT_CONTENT[token.tagName];
      if (mode !== undefined && !token.selfClosing) tokenizer.state = mode;
    },
    onEndTag(token) {
      const loc = token.location!;
      tokens.push({ kind: 'end', name: written(loc.startOffset + 2, token.tagName), line: loc.startLine });
    },
    onComment(token) {
      tokens.push({ kind: 'comment', name: '', line: token.location!.startLine });
    },
    onDoctype(token) {
      tokens.push({ kind: 'doctype', name: '!DOCTYPE', line: token.location!.startLine });
    },
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onEof: ignore,
    onParseError: ignore,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
  return tokens;
}
