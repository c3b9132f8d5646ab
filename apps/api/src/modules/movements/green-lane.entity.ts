import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { GreenLaneStatus, VehicleType } from '@cordon/contracts';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

export interface GreenLaneDriver {
  fullName: string;
  idNumber: string;
  phone: string;
}

/** A freight vehicle's green-lane registration; reviewed by the Department of Transport of the province. */
@Entity('green_lane_vehicles')
@Index('idx_green_lane_status', ['provinceCode', 'status', 'createdAt'])
@Index('idx_green_lane_owner', ['ownerId', 'createdAt'])
@Index('idx_green_lane_plate', ['plate'])
export class GreenLaneVehicle extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  status: GreenLaneStatus;

  /** The citizen account that registered it. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 16 })
  plate: string;

  @Column({ name: 'vehicle_type', type: 'varchar', length: 12 })
  vehicleType: VehicleType;

  @Column({ name: 'owner_name', type: 'varchar', length: 160 })
  ownerName: string;

  @Column({ name: 'owner_phone', type: 'varchar', length: 15 })
  ownerPhone: string;

  @Column({ type: 'jsonb' })
  drivers: GreenLaneDriver[];

  @Column({ name: 'origin_unit_code', type: 'varchar', length: 10 })
  originUnitCode: string;

  @Column({ name: 'destination_unit_code', type: 'varchar', length: 10 })
  destinationUnitCode: string;

  @Column({ type: 'varchar', length: 255 })
  cargo: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @Index('uq_green_lane_short_code', { unique: true })
  @Column({ name: 'short_code', type: 'varchar', length: 8 })
  shortCode: string;

  @Index('uq_green_lane_qr_token', { unique: true })
  @Column({ name: 'qr_token', type: 'varchar', length: 43 })
  qrToken: string;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
