/**
 * Shapes of the API's JSON, aliased from the types generated from the OpenAPI document
 * (libs/contracts/openapi.json -> libs/contracts/src/generated/openapi.ts), so the SPAs follow the API.
 */
import type { components } from '@cordon/contracts';

type Schemas = components['schemas'];

export type Jurisdiction = Schemas['JurisdictionDto'];
export type CitizenProfile = Schemas['CitizenProfileDto'];
export type SessionUser = Schemas['SessionUserDto'];
export type LoginResponse = Schemas['LoginResponseDto'];
export type RegisterRequest = Schemas['RegisterDto'];
export type Account = Schemas['AccountDto'];
export type AccountList = Schemas['AccountListDto'];
export type CreateAccountRequest = Schemas['CreateAccountDto'];
export type UpdateAccountRequest = Schemas['UpdateAccountDto'];
export type ProvisionedAccount = Schemas['ProvisionedAccountDto'];
export type AdminUnit = Schemas['AdminUnitDto'];
export type AdminUnitList = Schemas['AdminUnitListDto'];
export type AdminUnitDetail = Schemas['AdminUnitDetailDto'];
export type ErrorResponse = Schemas['ErrorResponseDto'];

/** Any list answer: `{ items, nextCursor, total?, totalCapped? }`. */
export interface ListResponse<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  /** The long lists count up to LIST_TOTAL_CAP: true when more match (show the total with formatTotal). */
  totalCapped?: boolean;
}
