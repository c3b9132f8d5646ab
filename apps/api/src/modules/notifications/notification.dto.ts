import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['REPORT_ACCEPTED', 'REPORT_REJECTED', 'DOCUMENT_ISSUED', 'DOCUMENT_REVOKED'] }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params: Record<string, string | number | null>;
  @ApiProperty({ type: String, nullable: true }) entityType: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread notifications in all' }) unread: number;
}

export class NotificationQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiProperty({ required: false }) @IsOptional() @IsString()
  cursor?: string;
}
