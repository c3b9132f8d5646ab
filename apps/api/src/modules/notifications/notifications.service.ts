import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { uuidv7 } from '../../common/ids';
import { invalid, notFound } from '../../common/errors/domain-error';
import { Notification } from './notification.entity';
import type { NotificationListDto } from './notification.dto';

export const NotificationKind = {
  REPORT_ACCEPTED: 'REPORT_ACCEPTED',
  REPORT_REJECTED: 'REPORT_REJECTED',
  DOCUMENT_ISSUED: 'DOCUMENT_ISSUED',
  DOCUMENT_REVOKED: 'DOCUMENT_REVOKED',
} as const;

/** The in-app notification list; other modules call `notify` inside their transaction. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly dataSource: DataSource,
  ) {}

  async notify(manager: EntityManager, userId: string, kind: keyof typeof NotificationKind, params: Record<string, string | number | null>, entity?: { type: string; id: string }): Promise<void> {
    await manager.insert(Notification, { id: uuidv7(), userId, kind, params, entityType: entity?.type ?? null, entityId: entity?.id ?? null, readAt: null });
  }

  async list(userId: string, limit = 50, cursor?: string): Promise<NotificationListDto> {
    if (cursor && !/^[0-9a-f-]{36}$/.test(cursor)) throw invalid('cursor', 'invalid', 'cursor is not valid');
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId }).orderBy('n.id', 'DESC').take(limit + 1);
    if (cursor) qb.andWhere('n.id < :cursor', { cursor });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const unread = await this.notifications.countBy({ userId, readAt: IsNull() });
    return {
      items: page.map((n) => ({ id: n.id, kind: n.kind, params: n.params, entityType: n.entityType, entityId: n.entityId, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      unread,
    };
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('Notification');
    const result = await this.notifications.update({ id, userId }, { readAt: new Date() });
    if (!result.affected) throw notFound('Notification');
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: new Date() });
  }
}
