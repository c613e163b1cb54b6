/**
 * The only components a 解读 may use (no imports are allowed in content; the page passes these in).
 * The check rejects any other capitalised tag.
 */
export const ALLOWED_COMPONENTS = ['Tasks', 'Quote', 'Note', 'Figure'] as const;
export type AllowedComponent = (typeof ALLOWED_COMPONENTS)[number];
