/** Passenger trips at a checkpoint (docs/movements-api.md, "Passenger trips"), from the generated OpenAPI types. */
import type { components } from '@cordon/contracts';
import type { ScannedDeclaration } from './movements-types';

type Schemas = components['schemas'];

/** GET /trips/lookup/:code: the trip with its passengers as scanned declarations (ID numbers masked, risk, validity). */
export type TripPass = Omit<Schemas['TripDto'], 'passengers'> & { passengers: ScannedDeclaration[] };
/** One passenger handled differently from the rest of the vehicle. */
export type TripException = Schemas['TripExceptionDto'];
/** Body of POST /checkpoints/:id/trip-passages (Idempotency-Key). */
export type RecordTripPassagesRequest = Schemas['TripPassageDto'];
/** A passenger left out (their declaration has expired). */
export type TripSkipped = Schemas['SkippedPassengerDto'];
/** 201 of POST /checkpoints/:id/trip-passages: one passage per valid passenger, in one transaction. */
export type TripPassagesRecorded = Schemas['TripPassagesDto'];
