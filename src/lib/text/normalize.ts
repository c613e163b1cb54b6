/**
 * Text reduced to what copying is judged on: CJK and alphanumerics only, full-width forms folded
 * to ASCII, case folded. Punctuation, spaces and markup differences do not hide a copy.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}
