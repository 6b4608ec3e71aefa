import pino from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { LOG_REDACTIONS } from './log-redaction';

describe('what the logs never show', () => {
  it("keeps a failed query's values and PostgreSQL's detail out of an error log, and the SQL in", () => {
    const lines: string[] = [];
    const logger = pino({ redact: LOG_REDACTIONS }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), { detail: 'Key (phone)=(13912345678) already exists.' });
    const failure = new QueryFailedError('INSERT INTO requests (reporter) VALUES ($1)', [{ name: 'Wang Fang', phone: '13912345678' }], driverError);
    logger.error({ err: failure, req: { headers: { authorization: 'Bearer eyJ.secret' } } }, 'unhandled error');
    const line = lines.join('');
    expect(line).toContain('INSERT INTO requests');
    for (const secret of ['13912345678', 'Wang Fang', 'eyJ.secret']) expect(line).not.toContain(secret);
  });
});
