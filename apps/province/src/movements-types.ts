/**
 * Shapes of the movements / checkpoints API used by the checkpoint screens (docs/movements-api.md).
 * Aliased from the generated OpenAPI types; the green-lane pass and the statistics are written by hand
 * until the OpenAPI document has them.
 * TODO(lead): move to libs/web/src/api/movements-types.ts when the shared aliases land.
 */
import type { components } from '@cordon/contracts';
import type { Direction, GreenLaneStatus, PassageOutcome, PassageSource, VehicleType } from '@cordon/contracts';

type Schemas = components['schemas'];

export type Checkpoint = Schemas['CheckpointDto'];
export type CheckpointList = Schemas['CheckpointListDto'];
export type CreateCheckpointRequest = Schemas['CreateCheckpointDto'];
export type UpdateCheckpointRequest = Schemas['UpdateCheckpointDto'];
export type ScannedDeclaration = Schemas['ScannedDeclarationDto'];
export type PassageView = Omit<Schemas['PassageViewDto'], 'source'> & { source: PassageSource };
export type RecordPassageRequest = Schemas['RecordPassageDto'];
export type PaperDeclarationRequest = Schemas['PaperDeclarationDto'];
export type PassageRecorded = Schemas['PassageRecordedDto'];

/** GET /checkpoints/:id/passages?date= */
export interface PassageSummary {
  items: PassageView[];
  byOutcome: Partial<Record<PassageOutcome, number>>;
  bySource: Partial<Record<PassageSource, number>>;
}

/** GET /green-lane/lookup/:code (drivers' ID numbers masked). */
export interface GreenLanePass {
  id: string;
  status: GreenLaneStatus;
  plate: string;
  vehicleType: VehicleType;
  owner: string;
  ownerPhone?: string | null;
  drivers: { fullName: string; idNumber: string; phone?: string | null }[];
  originUnitCode?: string;
  destinationUnitCode?: string;
  originName?: string | null;
  destinationName?: string | null;
  cargo?: string | null;
  validFrom: string;
  validTo: string;
  shortCode: string;
  valid: boolean;
}

/** POST /checkpoints/:id/green-lane-passages */
export interface GreenLanePassageRecorded {
  passage: PassageView;
  pass: GreenLanePass;
}

/** One row of GET /checkpoints/stats?from&to. */
export interface CheckpointStatsRow {
  date: string;
  checkpointId: string;
  checkpointName: string;
  total: number;
  in: number;
  out: number;
  byOutcome: Partial<Record<PassageOutcome, number>>;
}

export type { Direction, PassageOutcome, PassageSource };
