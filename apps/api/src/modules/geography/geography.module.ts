import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnit } from './admin-unit.entity';
import { Checkpoint } from './checkpoints/checkpoint.entity';
import { CheckpointsController } from './checkpoints/checkpoints.controller';
import { CheckpointsService } from './checkpoints/checkpoints.service';
import { GeographyController } from './geography.controller';
import { GeographyService } from './geography.service';
import { EpidemicZone } from './zones/epidemic-zone.entity';
import { ZonesController } from './zones/zones.controller';
import { ZonesService } from './zones/zones.service';

/** Administrative units, checkpoints and epidemic zones (DESIGN.md section 7). */
@Module({
  imports: [TypeOrmModule.forFeature([AdminUnit, Checkpoint, EpidemicZone])],
  controllers: [GeographyController, CheckpointsController, ZonesController],
  providers: [GeographyService, CheckpointsService, ZonesService],
  exports: [GeographyService, CheckpointsService, ZonesService],
})
export class GeographyModule {}
