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
