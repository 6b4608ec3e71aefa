import { APP_CONFIG, AppConfig } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { NoticeChannel, OutboundNotice } from './notice-channel';

/** A receiver that does not answer within this time has failed this attempt. */
const TIMEOUT_MS = 10_000;

/** What a receiver checks: HMAC-SHA256 over `<timestamp>.<body>` with the shared secret, as hex. */
export function noticeSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * POSTs the notice as JSON to the department's URL (NOTICE_WEBHOOK_URLS), signed: headers
 * `X-Notice-Timestamp` (Unix seconds) and `X-Notice-Signature: sha256=<hex>` over
 * `<timestamp>.<body>`, so a receiver can refuse forged and replayed calls, and `X-Notice-Id`
 * to drop a repeat. Any answer but 2xx, a redirect included, is a failure.
 */
@Injectable()
export class WebhookNoticeChannel extends NoticeChannel {
  readonly name = 'webhook' as const;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async send(url: string, notice: OutboundNotice): Promise<void> {
    const secret = this.config.noticeWebhookSecret;
    if (!secret) throw new Error('NOTICE_WEBHOOK_SECRET is not set');
    const body = JSON.stringify(notice);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Notice-Id': notice.id,
        'X-Notice-Timestamp': timestamp,
        'X-Notice-Signature': `sha256=${noticeSignature(secret, timestamp, body)}`,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`the receiver answered HTTP ${response.status}`);
  }
}
