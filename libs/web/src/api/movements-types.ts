/**
 * Shapes of the movement declarations and green-lane API (docs/movements-api.md), aliased from the types
 * generated from the OpenAPI document, so the SPAs follow the API.
 */
import type { components } from '@cordon/contracts';

type Schemas = components['schemas'];

/** The identity typed in for someone else (or by an anonymous person). Dates are YYYY-MM-DD. */
export type Traveller = Schemas['TravellerDto'];

/** The latest test of a declaration. */
export type DeclarationTest = Schemas['DeclarationTestDto'];

/** Body of POST /movement-declarations and POST /movement-declarations/anonymous. */
export type CreateDeclarationRequest = Schemas['CreateDeclarationDto'];

/** A movement declaration (tờ khai y tế): `qrToken` is the only thing to put in its QR code. */
export type Declaration = Schemas['DeclarationDto'];

/** GET /movement-declarations. */
export type DeclarationList = Schemas['DeclarationListDto'];

/** One driver of a green-lane vehicle (ID number masked in an officer's lookup). */
export type GreenLaneDriver = Schemas['DriverDto'];

/** Body of POST /green-lane (1-4 drivers; validTo at most 30 days after validFrom; dates YYYY-MM-DD). */
export type RegisterGreenLaneRequest = Schemas['RegisterGreenLaneDto'];

/** A green-lane registration (luồng xanh); `qrToken` and `shortCode` only once approved; `valid`: approved and in force today. */
export type GreenLane = Schemas['GreenLaneDto'];

/** GET /green-lane. */
export type GreenLaneList = Schemas['GreenLaneListDto'];
