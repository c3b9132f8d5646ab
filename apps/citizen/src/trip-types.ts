/** Passenger trips (docs/movements-api.md, "Passenger trips"), aliased from the generated OpenAPI types. */
import type { components } from '@cordon/contracts';

type Schemas = components['schemas'];

/** A bus or taxi trip registered by its operator or driver; `qrToken` is the only thing in its QR code. */
export type Trip = Schemas['TripDto'];
/** GET /trips (own trips, newest first). */
export type TripList = Schemas['TripListDto'];
/** Body of POST /trips (1-80 declaration short codes or QR tokens). */
export type CreateTripRequest = Schemas['CreateTripDto'];
/** Body of POST /trips/:id/passengers. */
export type AddTripPassengersRequest = Schemas['AddPassengersDto'];
