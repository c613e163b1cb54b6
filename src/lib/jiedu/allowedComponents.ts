/**
 * The only components a 解读 may use (no imports are allowed in content; the page passes these in).
 * The check rejects any other capitalised tag.
 */
export const ALLOWED_COMPONENTS = ['Tasks', 'Quote', 'Note', 'Figure'] as const;
export type AllowedComponent = (typeof ALLOWED_COMPONENTS)[number];

/** The props each component takes: the render step drops any other attribute (`sanitize.ts`). */
export const COMPONENT_PROPS: Record<AllowedComponent, readonly string[]> = {
  Tasks: ['point'],
  Quote: [],
  Note: [],
  Figure: ['src', 'alt', 'caption', 'width', 'height'],
};
