// @ts-check
// Lint: ESLint's and typescript-eslint's recommended rules for every TypeScript and JavaScript
// file, eslint-plugin-astro's for components and pages (their frontmatter and <script> blocks).
// Formatting is Prettier's alone (`npm run format`): eslint-config-prettier turns off the rules
// that would disagree with it. Run by `npm run lint`, which `npm test` and CI run.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output, caches, generated packages and the editors' content (YAML/MDX the importer writes).
  globalIgnores(['dist/', '.astro/', '.tmp/', 'kiosk-packages/', 'progress-sheets/', 'src/content/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Destructuring a key away to get the rest (`const { notice: _o, ...rest } = doc`) is how the
      // code and tests build "the same, without X"; the named key is not meant to be used.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Chinese documents indent with U+3000 (ideographic space): test sources quote them in
      // template literals as printed. Irregular whitespace in code itself is still an error.
      'no-irregular-whitespace': ['error', { skipTemplates: true }],
    },
  },
  {
    // 公开属性 is enforced in one place: pages, feeds, exports and QR codes read content only
    // through `src/lib/content/queries.ts`, which drops 不予公开 documents and applies the as-of
    // date. Reading `astro:content` anywhere else would bypass it (as the QR route once did).
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'astro:content',
              message:
                '只能通过 src/lib/content/queries.ts 读取内容（公开属性把关）/ read content only through src/lib/content/queries.ts, the 公开属性 gate',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value='astro:content']",
          message: '只能通过 src/lib/content/queries.ts 读取内容 / read content only through src/lib/content/queries.ts',
        },
      ],
    },
  },
  {
    // The gate itself, and the collections' definitions (defineCollection, reference: no reads).
    files: ['src/lib/content/queries.ts', 'src/content.config.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  prettier,
  {
    // Prettier wraps code at 140 columns but not .astro templates (see .prettierignore) or what it
    // cannot break; this catches long code lines anywhere. Strings, template literals, regular
    // expressions and URLs cannot be wrapped without changing them; a line with Chinese text is
    // prose in a template, where a line break would render as a visible space.
    rules: {
      'max-len': [
        'error',
        {
          code: 140,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
          ignorePattern: String.raw`[　-鿿＀-￯]`,
        },
      ],
    },
  },
);
