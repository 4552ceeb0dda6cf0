import type { z } from 'zod';

/** One request/response channel: the request schema main validates, the response schema it promises. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** One line for docs and error messages. */
  summary: string;
}

export const channel = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  summary: string,
): ChannelDef<Req, Res> => ({ request, response, summary });
