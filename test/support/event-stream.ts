import { get, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';

export interface StreamEvent {
  type: string;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON the tests pick apart
}

export interface EventStream {
  /** Every event received so far, in order. */
  readonly events: StreamEvent[];
  readonly response: IncomingMessage;
  close(): void;
}

/** Opens a server-sent event stream of the app as a browser's EventSource would (token in the query, compression accepted). */
export function openEventStream(app: INestApplication, path: string): Promise<EventStream> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, deflate, br' } }, (response) => {
      const events: StreamEvent[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          events.push({ type, data: data ? JSON.parse(data) : null });
        }
      });
      response.on('error', () => undefined);
      resolve({ events, response, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}
