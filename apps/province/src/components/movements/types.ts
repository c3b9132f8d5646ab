/**
 * Shapes of the movements API (docs/movements-api.md) used by the province pages: the declaration and
 * green-lane shapes from @cordon/web (libs/web/src/api/movements-types.ts), the others aliased here from the
 * generated OpenAPI types, or written by hand for the endpoints not yet in the OpenAPI document
 * (/arrivals/daily, /reports/daily). TODO(lead): move these to libs/web/src/api/movements-types.ts.
 */
import type { components, FollowUpStatus, GreenLaneStatus, RiskLevel, RiskReason, VehicleType } from '@cordon/contracts';
export type { Declaration, GreenLane, GreenLaneDriver } from '@cordon/web';

type Schemas = components['schemas'];

export type EpidemicZone = Schemas['EpidemicZoneDto'];
export type DesignateZoneRequest = Schemas['DesignateZoneDto'];
export type Arrival = Schemas['ArrivalDto'];
export type ArrivalList = Schemas['ArrivalListDto'];
export type { FollowUpStatus, GreenLaneStatus, RiskLevel, RiskReason, VehicleType };

/** GET /arrivals/daily */
export interface ArrivalsDaily {
  items: { date: string; total: number; high: number; medium: number; low: number; fromZone: number }[];
  byDistrict: { districtCode: string; districtName: string; total: number; high: number }[];
  byOrigin: { provinceCode: string; provinceName: string; total: number }[];
  byCheckpoint: { checkpointId: string; checkpointName: string; total: number }[];
}

/** GET /reports/daily?date= (the district rows: as in /arrivals/daily, extra numbers optional). */
export interface DailyReport {
  date: string;
  entering: number;
  fromZones: number;
  highRisk: number;
  byDistrict: { districtCode: string; districtName: string; total: number; high?: number; fromZone?: number }[];
  greenLaneVehicles: number;
  passages: number;
  paperDeclarations: number;
}
