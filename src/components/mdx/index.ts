import type { AllowedComponent } from '../../lib/jiedu/allowedComponents.ts';
import Tasks from './Tasks.astro';
import Quote from './Quote.astro';
import Note from './Note.astro';
import Figure from './Figure.astro';

/** What `<Content components={…} />` gets for a 解读: exactly the allowlist, checked by the type. */
export const mdxComponents: Record<AllowedComponent, unknown> = { Tasks, Quote, Note, Figure };
