import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { inputProblem } from '../input-limits';

const LIMIT = '100kb';

type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => void;

/**
 * JSON bodies up to 100 kB. A body that does not parse, or is too large, gets the contract's
 * error shape with a plain message, never the parser's text (which can echo the body back).
 * A body nested too deep or holding text PostgreSQL cannot store is refused here, once for every
 * endpoint and before sign-in, so no handler, validator or query ever sees it.
 */
export function jsonBody(): [RequestHandler, ErrorHandler, RequestHandler] {
  return [
    json({ limit: LIMIT }),
    (error, _req, res, next) => {
      const type = (error as { type?: string })?.type;
      if (type === 'entity.parse.failed') {
        res.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'body is not valid JSON' });
      } else if (type === 'entity.too.large') {
        res.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: `body is larger than ${LIMIT}` });
      } else if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
        res.status(415).json({ statusCode: 415, error: 'Unsupported Media Type', message: 'body must be UTF-8 JSON' });
      } else {
        next(error);
      }
    },
    (req, res, next) => {
      const problem = inputProblem(req.body as unknown);
      if (problem) res.status(400).json({ statusCode: 400, error: 'Bad Request', message: problem.message, code: problem.code });
      else next();
    },
  ];
}
