import policies from '../src/modules/cases/policies/isolation-policies.json';
import { evaluateIsolation, isBackRegistered, isHighRisk, policyInForce, type IsolationRules } from '../src/modules/cases/isolation-rules';
import { addDays, ageOn, vietnamDate } from '../src/common/time';

const versions = policies.versions as IsolationRules[];
const feb2022 = versions.find((p) => p.version === '2022-02-15')!;
const jul2021 = versions.find((p) => p.version === '2021-07-01')!;

describe('policy in force', () => {
  it('picks the latest version valid on the positive-test date', () => {
    expect(policyInForce(versions, '2022-02-15').version).toBe('2022-02-15');
    expect(policyInForce(versions, '2022-02-14').version).toBe('2021-07-01');
    expect(policyInForce(versions, '2022-03-10').version).toBe('2022-02-15');
  });
  it('falls back to the earliest version before every validFrom', () => {
    expect(policyInForce(versions, '2020-01-01').version).toBe('2021-07-01');
  });
  it('refuses an empty configuration', () => expect(() => policyInForce([], '2022-01-01')).toThrow());
});

describe('isolation from mid-February 2022: 7 days and a negative test; still positive -> day 10 / day 14', () => {
  const start = '2022-03-01';
  it('ends the regular period on day 7 (inclusive)', () => {
    const s = evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 2, negativeTestDate: null }, '2022-03-07');
    expect(s).toMatchObject({ dayNumber: 7, plannedEndDate: '2022-03-07', extendedEndDate: '2022-03-10', eligible: false });
  });
  it('is eligible from a negative test on day 7', () => {
    const s = evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 2, negativeTestDate: '2022-03-07' }, '2022-03-07');
    expect(s).toMatchObject({ eligible: true, eligibleFrom: '2022-03-07' });
  });
  it('ignores a negative test before day 7', () => {
    const s = evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 2, negativeTestDate: '2022-03-05' }, '2022-03-08');
    expect(s).toMatchObject({ eligible: false, eligibleFrom: '2022-03-10' });
  });
  it('extends a vaccinated person still positive to day 10', () => {
    expect(evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 3, negativeTestDate: null }, '2022-03-09').eligible).toBe(false);
    expect(evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 3, negativeTestDate: null }, '2022-03-10')).toMatchObject({ eligible: true, dayNumber: 10 });
  });
  it('extends a person not fully vaccinated to day 14', () => {
    const s = evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 1, negativeTestDate: null }, '2022-03-13');
    expect(s).toMatchObject({ eligible: false, extendedEndDate: '2022-03-14' });
    expect(evaluateIsolation(feb2022, { positiveTestDate: start, vaccineDoses: 0, negativeTestDate: null }, '2022-03-14').eligible).toBe(true);
  });
  it('marks a confirmation overdue after the allowed days of eligibility', () => {
    const input = { positiveTestDate: start, vaccineDoses: 2, negativeTestDate: '2022-03-07' };
    expect(evaluateIsolation(feb2022, input, '2022-03-09').overdueConfirmation).toBe(false);
    expect(evaluateIsolation(feb2022, input, '2022-03-10').overdueConfirmation).toBe(true);
  });
});

describe('isolation under the 2021 policy: 14 days', () => {
  it('applies 14 days to a case whose positive test was before mid-February 2022', () => {
    const p = policyInForce(versions, '2022-02-01');
    const s = evaluateIsolation(p, { positiveTestDate: '2022-02-01', vaccineDoses: 2, negativeTestDate: '2022-02-14' }, '2022-02-14');
    expect(p.version).toBe(jul2021.version);
    expect(s).toMatchObject({ plannedEndDate: '2022-02-14', eligible: true });
  });
  it('crosses a month end correctly', () => {
    expect(evaluateIsolation(jul2021, { positiveTestDate: '2021-12-25', vaccineDoses: 2, negativeTestDate: null }, '2022-01-01').plannedEndDate).toBe('2022-01-07');
  });
});

describe('risk and back-registration', () => {
  it('computes age over 65 on the test date', () => {
    expect(ageOn('1956-03-02', '2022-03-01')).toBe(65);
    expect(isHighRisk('1956-03-02', '2022-03-01', false, false)).toBe(false); // 65: not over 65
    expect(isHighRisk('1956-03-01', '2022-03-01', false, false)).toBe(true); // 66 that day
    expect(isHighRisk('1990-01-01', '2022-03-01', true, false)).toBe(true);
    expect(isHighRisk('1990-01-01', '2022-03-01', false, true)).toBe(true);
    expect(isHighRisk('1990-01-01', '2022-03-01', false, false)).toBe(false);
  });
  it('marks reports made 3 or more days after the test as back-registered', () => {
    expect(isBackRegistered(feb2022, '2022-03-01', '2022-03-03')).toBe(false);
    expect(isBackRegistered(feb2022, '2022-03-01', '2022-03-04')).toBe(true);
  });
  it('uses Vietnam dates for "today"', () => {
    expect(vietnamDate(new Date('2022-03-01T17:30:00Z'))).toBe('2022-03-02');
    expect(vietnamDate(new Date('2022-03-01T16:59:59Z'))).toBe('2022-03-01');
    expect(addDays('2022-02-28', 1)).toBe('2022-03-01');
  });
});
