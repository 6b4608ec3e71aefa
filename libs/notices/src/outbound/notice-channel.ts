import type { NoticeKind } from '../domain/notice-kinds';

/** What leaves the service about a department's notice: never a reporter's contact (events carry none). */
export interface OutboundNotice {
  id: string;
  kind: NoticeKind;
  departmentCode: string;
  requestId: string;
  trackingNo: string;
  title: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/**
 * The outbound notice port: how a department hears of a notice outside the desk (SMS, 企业微信,
 * 钉钉 later). An adapter throws when the delivery failed; OutboundNoticeDispatcher retries it.
 */
export abstract class NoticeChannel {
  abstract readonly name: 'log' | 'webhook';
  abstract send(target: string, notice: OutboundNotice): Promise<void>;
}
