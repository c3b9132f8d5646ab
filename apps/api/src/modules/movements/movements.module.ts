import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { GeographyModule } from '../geography/geography.module';
import { ArrivalsService } from './arrivals.service';
import { MovementDeclaration } from './declaration.entity';
import { DeclarationsService } from './declarations.service';
import { ArrivalFollowUp } from './follow-up.entity';
import { ArrivalsController, DeclarationsController, GreenLaneController, MovementReportsController, PassagesController } from './movements.controller';
import { GreenLaneService } from './green-lane.service';
import { GreenLaneVehicle } from './green-lane.entity';
import { MovementReportsService } from './movement-reports.service';
import { Passage } from './passage.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MovementDeclaration, Passage, ArrivalFollowUp, GreenLaneVehicle]), AccountsModule, GeographyModule],
  controllers: [MovementReportsController, DeclarationsController, PassagesController, ArrivalsController, GreenLaneController],
  providers: [DeclarationsService, ArrivalsService, GreenLaneService, MovementReportsService],
  exports: [DeclarationsService, ArrivalsService, GreenLaneService, MovementReportsService],
})
export class MovementsModule {}
