import { assessRisk, parseZoneRisk, type RiskInput } from '../src/modules/movements/risk';

const zoneRisk = parseZoneRisk('1:LOW,2:MEDIUM,3:HIGH,4:HIGH');
const base: RiskInput = { originZoneLevel: null, symptoms: [], contactWithCase: false, stayedInZone: false, vaccineDoses: 2, test: null, travelDate: '2022-03-10' };
const negative = (date: string) => ({ date, result: 'NEGATIVE' as const });

describe('movement risk', () => {
  it('is LOW with no reason for a healthy traveller from outside any zone', () => {
    expect(assessRisk(base, zoneRisk)).toEqual({ level: 'LOW', reasons: [] });
  });
  it('maps the zone level through configuration', () => {
    expect(assessRisk({ ...base, originZoneLevel: 1 }, zoneRisk)).toEqual({ level: 'LOW', reasons: ['ZONE_LEVEL_1'] });
    expect(assessRisk({ ...base, originZoneLevel: 2, test: negative('2022-03-09') }, zoneRisk)).toEqual({ level: 'MEDIUM', reasons: ['ZONE_LEVEL_2'] });
    expect(assessRisk({ ...base, originZoneLevel: 2, test: negative('2022-03-09') }, parseZoneRisk('1:LOW,2:LOW,3:MEDIUM,4:HIGH')).level).toBe('LOW');
  });
  it('raises a zone origin without a valid negative test (72 h before travel)', () => {
    expect(assessRisk({ ...base, originZoneLevel: 2 }, zoneRisk)).toEqual({ level: 'HIGH', reasons: ['ZONE_LEVEL_2', 'NO_NEGATIVE_TEST'] });
    expect(assessRisk({ ...base, originZoneLevel: 2, test: negative('2022-03-07') }, zoneRisk).level).toBe('MEDIUM');
    expect(assessRisk({ ...base, originZoneLevel: 2, test: negative('2022-03-06') }, zoneRisk).reasons).toContain('NO_NEGATIVE_TEST');
    expect(assessRisk({ ...base, originZoneLevel: 2, test: negative('2022-03-11') }, zoneRisk).reasons).toContain('NO_NEGATIVE_TEST');
  });
  it('makes symptoms, contact with a case or a positive test HIGH', () => {
    expect(assessRisk({ ...base, symptoms: ['COUGH'] }, zoneRisk)).toEqual({ level: 'HIGH', reasons: ['SYMPTOMS'] });
    expect(assessRisk({ ...base, contactWithCase: true }, zoneRisk).level).toBe('HIGH');
    expect(assessRisk({ ...base, test: { date: '2022-03-09', result: 'POSITIVE' } }, zoneRisk).level).toBe('HIGH');
  });
  it('makes a declared stay in a zone at least MEDIUM', () => {
    expect(assessRisk({ ...base, stayedInZone: true }, zoneRisk)).toEqual({ level: 'MEDIUM', reasons: ['STAYED_IN_ZONE'] });
  });
  it('makes an unvaccinated traveller from a level 3+ zone HIGH', () => {
    expect(assessRisk({ ...base, originZoneLevel: 3, vaccineDoses: 1, test: negative('2022-03-10') }, zoneRisk)).toEqual({ level: 'HIGH', reasons: ['ZONE_LEVEL_3', 'NOT_VACCINATED'] });
    expect(assessRisk({ ...base, originZoneLevel: 1, vaccineDoses: 0 }, zoneRisk).level).toBe('LOW');
  });
});
