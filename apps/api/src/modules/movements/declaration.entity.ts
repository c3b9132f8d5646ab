import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeclarationSource, Gender, RiskLevel, RiskReason, Symptom, TestResult, TestType, TransportMode } from '@cordon/contracts';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/**
 * A movement declaration: identity, trip, health, vaccination, test. Its jurisdiction is its destination
 * commune. The QR carries only `qrToken` (random, 128 bits); `shortCode` is typed or read aloud.
 */
@Entity('movement_declarations')
@Index('idx_declarations_destination', ['communeCode', 'travelDate'])
@Index('idx_declarations_district', ['districtCode', 'travelDate'])
@Index('idx_declarations_province', ['provinceCode', 'travelDate'])
@Index('idx_declarations_declarant', ['declarantId', 'createdAt'])
@Index('idx_declarations_id_number', ['idNumber'])
@Index('idx_declarations_created', ['createdAt'])
// The arrivals board's order per jurisdiction level, for keyset pages (high risk first, then the latest travel
// date, the id): (code, RISK_RANK, travel_date, id) INCLUDE (risk_level, origin_zone_level). Expression indexes,
// which TypeORM cannot describe: made by the ListKeysetIndexes migration.
@Index('idx_declarations_province_board', { synchronize: false })
@Index('idx_declarations_district_board', { synchronize: false })
@Index('idx_declarations_commune_board', { synchronize: false })
export class MovementDeclaration extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('uq_declarations_short_code', { unique: true })
  @Column({ name: 'short_code', type: 'varchar', length: 8 })
  shortCode: string;

  @Index('uq_declarations_qr_token', { unique: true })
  @Column({ name: 'qr_token', type: 'varchar', length: 43 })
  qrToken: string;

  @Column({ type: 'varchar', length: 8 })
  source: DeclarationSource;

  /** The signed-in citizen who declared (null: anonymous or typed at a checkpoint). */
  @Column({ name: 'declarant_id', type: 'uuid', nullable: true })
  declarantId: string | null;

  /** The officer who typed a paper declaration. */
  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy: string | null;

  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName: string;

  @Column({ name: 'full_name_folded', type: 'varchar', length: 120 })
  fullNameFolded: string;

  @Column({ name: 'id_number', type: 'varchar', length: 20 })
  idNumber: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'varchar', length: 10 })
  gender: Gender;

  @Column({ type: 'varchar', length: 15, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 2, default: 'VN' })
  nationality: string;

  @Column({ name: 'origin_unit_code', type: 'varchar', length: 10 })
  originUnitCode: string;

  @Column({ name: 'origin_province_code', type: 'varchar', length: 10 })
  originProvinceCode: string;

  @Column({ name: 'origin_district_code', type: 'varchar', length: 10, nullable: true })
  originDistrictCode: string | null;

  @Column({ name: 'origin_address', type: 'varchar', length: 255 })
  originAddress: string;

  @Column({ name: 'destination_address', type: 'varchar', length: 255 })
  destinationAddress: string;

  @Column({ name: 'travel_date', type: 'date' })
  travelDate: string;

  @Column({ name: 'transport_mode', type: 'varchar', length: 12 })
  transportMode: TransportMode;

  @Column({ name: 'vehicle_plate', type: 'varchar', length: 16, nullable: true })
  vehiclePlate: string | null;

  @Column({ type: 'varchar', length: 255 })
  purpose: string;

  @Column({ name: 'planned_checkpoint_id', type: 'uuid', nullable: true })
  plannedCheckpointId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  symptoms: Symptom[];

  @Column({ name: 'contact_with_case', type: 'boolean', default: false })
  contactWithCase: boolean;

  @Column({ name: 'stayed_in_zone', type: 'boolean', default: false })
  stayedInZone: boolean;

  @Column({ name: 'vaccine_doses', type: 'int', default: 0 })
  vaccineDoses: number;

  @Column({ name: 'last_dose_date', type: 'date', nullable: true })
  lastDoseDate: string | null;

  @Column({ name: 'test_type', type: 'varchar', length: 16, nullable: true })
  testType: TestType | null;

  @Column({ name: 'test_date', type: 'date', nullable: true })
  testDate: string | null;

  @Column({ name: 'test_result', type: 'varchar', length: 10, nullable: true })
  testResult: TestResult | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 8 })
  riskLevel: RiskLevel;

  @Column({ name: 'risk_reasons', type: 'text', array: true, default: () => "'{}'" })
  riskReasons: RiskReason[];

  /** The highest epidemic-zone level of the origin on the travel date (null: not a zone). */
  @Column({ name: 'origin_zone_level', type: 'int', nullable: true })
  originZoneLevel: number | null;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
