import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { AddPassengersDto, CreateTripDto, TripDto, TripListDto, TripPassageDto, TripPassagesDto } from './dtos/trip.dto';
import { TripsService } from './trips.service';

@ApiTags('passenger trips')
@Controller()
export class TripsController {
  constructor(private readonly trips: TripsService) {}

  @Post('trips')
  @Authorize(Role.CITIZEN)
  @Idempotent()
  @ApiOperation({ summary: 'Register a bus or taxi trip with its passengers’ declarations (short codes or QR tokens)' })
  @ApiCreatedResponse({ type: TripDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTripDto, @Ctx() ctx: RequestContext): Promise<TripDto> {
    return this.trips.create(user, dto, ctx);
  }

  @Get('trips')
  @Authorize(Role.CITIZEN)
  @ApiOperation({ summary: 'My trips' })
  @ApiOkResponse({ type: TripListDto })
  list(@CurrentUser() user: AuthUser): Promise<{ items: TripDto[] }> {
    return this.trips.list(user);
  }

  @Get('trips/lookup/:code')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @ApiOperation({ summary: 'A trip by its QR token or short code, with every passenger’s risk' })
  @ApiOkResponse({ type: TripDto })
  lookup(@Param('code') code: string): Promise<TripDto> {
    return this.trips.lookup(code);
  }

  @Get('trips/:id')
  @Authorize(Role.CITIZEN)
  @ApiOperation({ summary: 'One of my trips' })
  @ApiOkResponse({ type: TripDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<TripDto> {
    return this.trips.get(user, id);
  }

  @Post('trips/:id/passengers')
  @Authorize(Role.CITIZEN)
  @ApiOperation({ summary: 'Add passengers by their declaration codes' })
  @ApiCreatedResponse({ type: TripDto })
  add(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: AddPassengersDto, @Ctx() ctx: RequestContext): Promise<TripDto> {
    return this.trips.addPassengers(user, id, dto, ctx);
  }

  @Delete('trips/:id/passengers/:declarationId')
  @Authorize(Role.CITIZEN)
  @ApiOperation({ summary: 'Remove a passenger' })
  @ApiOkResponse({ type: TripDto })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('declarationId') declarationId: string, @Ctx() ctx: RequestContext): Promise<TripDto> {
    return this.trips.removePassenger(user, id, declarationId, ctx);
  }

  @Post('checkpoints/:id/trip-passages')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @Idempotent()
  @ApiOperation({ summary: 'Record every passenger of a trip at once (exceptions per passenger; expired declarations skipped)' })
  @ApiCreatedResponse({ type: TripPassagesDto })
  record(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: TripPassageDto, @Ctx() ctx: RequestContext): Promise<TripPassagesDto> {
    return this.trips.recordPassages(user, id, dto, ctx);
  }
}
