import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { GeographyModule } from '../geography/geography.module';
import { ArrivalsService } from './arrivals.service';
import { MovementDeclaration } from './declaration.entity';
import { DeclarationsService } from './declarations.service';
import { ArrivalFollowUp } from './follow-up.entity';
import { ArrivalsController, DeclarationsController, PassagesController } from './movements.controller';
import { Passage } from './passage.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MovementDeclaration, Passage, ArrivalFollowUp]), AccountsModule, GeographyModule],
  controllers: [DeclarationsController, PassagesController, ArrivalsController],
  providers: [DeclarationsService, ArrivalsService],
  exports: [DeclarationsService, ArrivalsService],
})
export class MovementsModule {}
