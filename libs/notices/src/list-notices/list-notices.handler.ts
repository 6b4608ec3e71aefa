import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { receivedCondition } from '../domain/recipients';
import { NoticePage, NoticeRow, toNoticeResponse } from '../notice.response';
import { ListNoticesQuery } from './list-notices.query';

/** The caller's notices, newest first, with their own read marks and the count still unread. */
@QueryHandler(ListNoticesQuery)
export class ListNoticesHandler implements IQueryHandler<ListNoticesQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, filters }: ListNoticesQuery): Promise<NoticePage> {
    const page = filters.page ?? 1;
    const pageSize = filters.pageSize ?? 20;
    const parameters: unknown[] = [actor.userId];
    const $ = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const mine = receivedCondition(actor, $);
    const from = `FROM notices n LEFT JOIN notice_reads nr ON nr.notice_id = n.id AND nr.user_id = $1 WHERE ${mine}`;
    const [counts] = (await this.dataSource.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE nr.notice_id IS NULL) AS unread ${from}`,
      parameters,
    )) as { total: string; unread: string }[];
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.request_id, n.tracking_no, n.title, n.created_at, n.data, nr.read_at
         ${from}${filters.unread ? ' AND nr.notice_id IS NULL' : ''}
        ORDER BY n.position DESC LIMIT ${$(pageSize)} OFFSET ${$((page - 1) * pageSize)}`,
      parameters,
    )) as NoticeRow[];
    return {
      items: rows.map(toNoticeResponse),
      page,
      pageSize,
      total: filters.unread ? Number(counts.unread) : Number(counts.total),
      unread: Number(counts.unread),
    };
  }
}
