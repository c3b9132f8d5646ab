import { Global, Module } from '@nestjs/common';
import { RollupService } from './rollups.service';

/** The dashboards' rollup tables and the service that keeps them fresh; the dashboard services read them. */
@Global()
@Module({ providers: [RollupService], exports: [RollupService] })
export class RollupsModule {}
