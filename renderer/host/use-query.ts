import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ServiceArgs, ServiceError, ServiceName, ServiceResult } from '../../contract/service-contract';
import { asServiceError } from '../components/ErrorNotice';
import { useHost } from './host-context';
import { onRevision, revisionKey } from './revisions';

/** The revisions of what a read method reads: a component re-renders (and re-asks) when one of them moves. */
export function useRevision(method: ServiceName): string {
  return useSyncExternalStore(onRevision, () => revisionKey(method));
}

/**
 * A read call kept in step with its arguments and with the book: the answer, the error, and a reload. It asks again
 * by itself when a write changed what this method reads (contract/subjects.ts), so no screen needs F5.
 */
export function useQuery<N extends ServiceName>(method: N, args: ServiceArgs<N> | null) {
  const host = useHost();
  const [data, setData] = useState<ServiceResult<N> | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const key = JSON.stringify(args);
  const rev = useRevision(method);
  const reload = useCallback(() => {
    if (args === null) return;
    host.call(method, args).then((d) => { setData(d); setError(null); }, (e) => setError(asServiceError(e)));
  }, [host, method, key, rev]);
  useEffect(reload, [reload]);
  return { data, error, reload, setError };
}
