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
import { Trip } from './trip.entity';
import { TripsController } from './trips.controller';
import { TripsService } from './trips.service';
import { Passage } from './passage.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MovementDeclaration, Passage, ArrivalFollowUp, GreenLaneVehicle, Trip]), AccountsModule, GeographyModule],
  controllers: [MovementReportsController, DeclarationsController, PassagesController, ArrivalsController, GreenLaneController, TripsController],
  providers: [DeclarationsService, ArrivalsService, GreenLaneService, MovementReportsService, TripsService],
  exports: [DeclarationsService, ArrivalsService, GreenLaneService, MovementReportsService],
})
export class MovementsModule {}
