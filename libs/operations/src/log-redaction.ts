/**
 * What the logs never show. Tokens and cookies; and of a failed database call, the values it was
 * given (`parameters`) and PostgreSQL's `detail`, which can quote them: a filing's parameters hold
 * the reporter's name and phone. The SQL text and the error message stay, for the diagnosis.
 */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query.access_token',
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
];
