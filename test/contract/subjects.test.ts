import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../contract/service-contract.js';
import { CHANGES, READS, SUBJECTS } from '../../contract/subjects.js';

/** Point 3 of issue 15: every write says what it changed, every read what it reads, so no screen needs F5. */
describe('what each service method changes or reads', () => {
  it('is declared for every method, once', () => {
    const undeclared = SERVICE_NAMES.filter((m) => !CHANGES[m] && !READS[m]);
    expect(undeclared).toEqual([]);
    expect(SERVICE_NAMES.filter((m) => CHANGES[m] && READS[m])).toEqual([]);
    expect(Object.keys({ ...CHANGES, ...READS }).filter((m) => !(SERVICE_NAMES as string[]).includes(m))).toEqual([]);
  });

  it('ties every write to a subject some read reads, and every write of the ledger to the audit log', () => {
    const read = new Set(Object.values(READS).flat());
    for (const [method, subjects] of Object.entries(CHANGES)) {
      expect(subjects!.length, method).toBeGreaterThan(0);
      expect(subjects!.some((s) => read.has(s)), method).toBe(true);
      expect(subjects!.every((s) => (SUBJECTS as readonly string[]).includes(s)), method).toBe(true);
    }
    // What the home page shows moves with every write that can change its figures.
    for (const m of ['import.commit', 'reconcile.run', 'terms.accrue', 'claims.move', 'close.prepare', 'app.createBook'] as const) {
      expect(CHANGES[m]!.some((s) => READS['home.status']!.includes(s)), m).toBe(true);
    }
    expect(CHANGES['import.commit']).toContain('master');
    expect(READS['import.preview']).toContain('master');
  });
});
