import { RSL_NAMESPACE, toRslXml, type ToRslXmlParameters } from '../core/terms/rsl';
import type { Terms } from '../core/terms/terms';

/** The opening of every RSL document toRslXml writes, and of ours. */
export const RSL_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<rsl xmlns="${RSL_NAMESPACE}">\n`;
export const RSL_TAIL = '</rsl>\n';

/**
 * One post's `<content>` element, cut from core's single-post document so that several posts can share one
 * `<rsl>` (RSL 1.0 allows any number of `<content>` elements). Throws if core's document changes shape.
 */
export function rslContent(terms: Terms, params: ToRslXmlParameters): string {
  const doc = toRslXml(terms, params);
  if (!doc.startsWith(RSL_HEAD) || !doc.endsWith(RSL_TAIL)) throw new Error('rsl: toRslXml no longer writes one <content> inside <rsl>');
  return doc.slice(RSL_HEAD.length, -RSL_TAIL.length);
}
