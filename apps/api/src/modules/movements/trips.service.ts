import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import { ErrorCode, SHORT_CODE_PATTERN } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { DomainError, invalid, notFound } from '../../common/errors/domain-error';
import { uuidv7 } from '../../common/ids';
import { AuditService } from '../audit/audit.service';
import { MovementDeclaration } from './declaration.entity';
import { DeclarationsService, newShortCode } from './declarations.service';
import type { AddPassengersDto, CreateTripDto, TripDto, TripPassageDto, TripPassagesDto } from './dtos/trip.dto';
import { Trip } from './trip.entity';

/** Passenger trips: an operator attaches passengers' declarations; a checkpoint records the whole bus at once. */
@Injectable()
export class TripsService {
  constructor(
    @InjectRepository(Trip) private readonly trips: Repository<Trip>,
    @InjectRepository(MovementDeclaration) private readonly declarations: Repository<MovementDeclaration>,
    private readonly dataSource: DataSource,
    private readonly declarationsService: DeclarationsService,
    private readonly audit: AuditService,
  ) {}

  /** Resolves passenger codes; an unknown one is a field error naming its position. */
  private async resolveCodes(codes: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, code] of codes.entries()) {
      try {
        ids.push((await this.declarationsService.findByCode(code)).id);
      } catch {
        throw invalid(`passengerCodes.${i}`, 'unknown', `${code} is not a known declaration`);
      }
    }
    return [...new Set(ids)];
  }

  async create(user: AuthUser, dto: CreateTripDto, ctx: RequestContext): Promise<TripDto> {
    const departure = new Date(dto.departureAt);
    if (Number.isNaN(departure.getTime())) throw invalid('departureAt', 'isDate', 'departureAt is not a valid time');
    const declarationIds = await this.resolveCodes(dto.passengerCodes);
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Trip, { id, ownerId: user.id, plate: dto.plate.replace(/[\s.-]/g, ''), route: dto.route, departureAt: departure, shortCode: newShortCode(), qrToken: randomBytes(16).toString('base64url'), declarationIds });
      await this.audit.record(ctx, { action: 'trip.create', entityType: 'trip', entityId: id, after: { plate: dto.plate, passengers: declarationIds.length } }, manager);
    });
    return this.get(user, id);
  }

  private async own(user: AuthUser, id: string): Promise<Trip> {
    const trip = /^[0-9a-f-]{36}$/i.test(id) ? await this.trips.findOneBy({ id }) : null;
    if (!trip || trip.ownerId !== user.id) throw notFound('Trip');
    return trip;
  }

  async get(user: AuthUser, id: string): Promise<TripDto> {
    return this.toDto(await this.own(user, id));
  }

  async list(user: AuthUser): Promise<{ items: TripDto[] }> {
    const rows = await this.trips.find({ where: { ownerId: user.id }, order: { createdAt: 'DESC' }, take: 50 });
    return { items: await Promise.all(rows.map((t) => this.toDto(t))) };
  }

  async addPassengers(user: AuthUser, id: string, dto: AddPassengersDto, ctx: RequestContext): Promise<TripDto> {
    const trip = await this.own(user, id);
    const added = await this.resolveCodes(dto.passengerCodes);
    const declarationIds = [...new Set([...trip.declarationIds, ...added])];
    if (declarationIds.length > 80) throw invalid('passengerCodes', 'too_many', 'a trip carries at most 80 passengers');
    await this.save(trip, declarationIds, 'trip.add_passengers', ctx);
    return this.get(user, id);
  }

  async removePassenger(user: AuthUser, id: string, declarationId: string, ctx: RequestContext): Promise<TripDto> {
    const trip = await this.own(user, id);
    if (!trip.declarationIds.includes(declarationId)) throw notFound('Passenger');
    await this.save(trip, trip.declarationIds.filter((d) => d !== declarationId), 'trip.remove_passenger', ctx);
    return this.get(user, id);
  }

  private async save(trip: Trip, declarationIds: string[], action: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Trip, { id: trip.id }, { declarationIds });
      await this.audit.record(ctx, { action, entityType: 'trip', entityId: trip.id, before: { passengers: trip.declarationIds.length }, after: { passengers: declarationIds.length } }, manager);
    });
  }

  private async findByCode(code: string): Promise<Trip> {
    const short = code.trim().toUpperCase().replace(/[\s-]/g, '');
    const trip = SHORT_CODE_PATTERN.test(short) ? await this.trips.findOneBy({ shortCode: short }) : /^[A-Za-z0-9_-]{16,43}$/.test(code.trim()) ? await this.trips.findOneBy({ qrToken: code.trim() }) : null;
    if (!trip) throw notFound('Trip');
    return trip;
  }

  private async passengersOf(trip: Trip): Promise<MovementDeclaration[]> {
    return trip.declarationIds.length ? this.declarations.find({ where: { id: In(trip.declarationIds) }, order: { fullNameFolded: 'ASC' } }) : [];
  }

  /** What a checkpoint officer sees: every passenger with masked ID, risk, validity and previous passages. */
  async lookup(code: string): Promise<TripDto> {
    const trip = await this.findByCode(code);
    const passengers = await Promise.all((await this.passengersOf(trip)).map((d) => this.declarationsService.scanned(d)));
    return { ...(await this.toDto(trip)), passengers };
  }

  /** Records every valid passenger's passage at once; exceptions change one passenger's outcome; expired ones are skipped. */
  async recordPassages(officer: AuthUser, checkpointId: string, dto: TripPassageDto, ctx: RequestContext): Promise<TripPassagesDto> {
    const trip = await this.findByCode(dto.code);
    const passengers = await this.passengersOf(trip);
    const exceptions = new Map((dto.exceptions ?? []).map((e) => [e.declarationId, e.outcome]));
    const unknown = [...exceptions.keys()].filter((id) => !trip.declarationIds.includes(id));
    if (unknown.length) throw invalid('exceptions', 'not_passenger', `not passengers of this trip: ${unknown.join(', ')}`);
    const at = dto.recordedAt ? new Date(dto.recordedAt) : new Date();
    const valid = passengers.filter((d) => d.validUntil >= at);
    if (!valid.length) throw new DomainError(ErrorCode.CONFLICT, 'No passenger of this trip has a valid declaration');
    const passages = await this.declarationsService.recordMany(officer, checkpointId, valid.map((declaration) => ({ declaration, outcome: exceptions.get(declaration.id) ?? dto.outcome })), dto, ctx);
    return { passages, skipped: passengers.filter((d) => d.validUntil < at).map((d) => ({ declarationId: d.id, fullName: d.fullName, reason: 'EXPIRED' as const })) };
  }

  private async toDto(trip: Trip): Promise<TripDto> {
    return {
      id: trip.id,
      shortCode: trip.shortCode,
      qrToken: trip.qrToken,
      plate: trip.plate,
      route: trip.route,
      departureAt: trip.departureAt.toISOString(),
      passengers: await this.declarationsService.toDtos(await this.passengersOf(trip)),
      createdAt: trip.createdAt.toISOString(),
    };
  }
}
