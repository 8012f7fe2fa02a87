import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryContext } from '../context';
import { HttpError, type Reply } from '../http';

export interface RouteInput {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path's captured segments, still URL-encoded. */
  params: string[];
}

/** A handler answers with a Reply, or writes the response itself (streaming) and returns nothing. */
export type Handler = (ctx: RegistryContext, input: RouteInput) => Promise<Reply | void>;

/** A path segment decoded; a malformed %-escape is the client's mistake (400), not ours. */
export function pathSegment(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `${name}: malformed %-escape in the path`);
  }
}
