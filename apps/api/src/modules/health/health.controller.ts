import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/authorize.decorator';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ description: 'Applied migrations' }) migrations: number;
  @ApiProperty() time: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public(false)
  @ApiOperation({ summary: 'Liveness and database check (503 when the database is down)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    try {
      const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM typeorm_migrations`);
      return { status: 'ok', database: 'up', migrations: count, time: new Date().toISOString() };
    } catch {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', database: 'down', migrations: 0, time: new Date().toISOString() };
    }
  }
}
