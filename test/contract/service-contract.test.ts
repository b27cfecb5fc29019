import { describe, expect, it } from 'vitest';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { CASES } from '../helpers/contract-cases.js';
import { serviceHandlers } from '../../services/service-handlers.js';

describe('the service contract', () => {
  it('has a handler for every method and a test case for every method', () => {
    expect(Object.keys(serviceHandlers).sort()).toEqual(Object.keys(serviceContract).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(serviceContract).sort());
  });

  it.each(Object.entries(CASES))('%s accepts good arguments and refuses bad ones', (name, { good, bad }) => {
    const schema = serviceContract[name as ServiceName].args;
    expect(schema.safeParse(good).success).toBe(true);
    for (const b of bad) expect(schema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});
