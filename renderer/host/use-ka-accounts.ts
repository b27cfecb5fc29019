import { useMemo } from 'react';
import { useQuery } from './use-query';

/** The book's KA accounts as code and name, for the selects of several screens (from the master-data list). */
export function useKaAccounts() {
  const list = useQuery('master.list', { entity: 'ka-accounts', limit: 1000 });
  const rows = useMemo(() => (list.data?.rows ?? []).map((r) => ({ code: String(r.code), name: String(r.name) })), [list.data]);
  return { rows, error: list.error, reload: list.reload };
}
