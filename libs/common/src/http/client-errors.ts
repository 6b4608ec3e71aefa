import { Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

const REFUSALS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'the request line and headers are larger than 16 kB'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'the chunk extensions are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time'],
};

/**
 * What Node's HTTP parser refuses before any handler runs (a URL and headers over 16 kB, bytes
 * that are not HTTP) is answered in the contract's error shape as well, instead of Node's bare
 * status line. There is no request object yet, so the answer is written to the socket.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [statusCode, message] = REFUSALS[error.code ?? ''] ?? [400, 'the request is not valid HTTP'];
    const reason = STATUS_CODES[statusCode] ?? 'Bad Request';
    const body = JSON.stringify({ statusCode, error: reason, message });
    socket.end(
      `HTTP/1.1 ${statusCode} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
