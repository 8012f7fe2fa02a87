import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryContext } from '../context';
import type { Reply } from '../http';

export interface RouteInput {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path's captured segments, still URL-encoded. */
  params: string[];
}

/** A handler answers with a Reply, or writes the response itself (streaming) and returns nothing. */
export type Handler = (ctx: RegistryContext, input: RouteInput) => Promise<Reply | void>;
