import { useCallback, useEffect, useState } from 'react';
import type { ServiceArgs, ServiceError, ServiceName, ServiceResult } from '../../contract/service-contract';
import { asServiceError } from '../components/ErrorNotice';
import { useHost } from './host-context';

/** A read call kept in step with its arguments: the answer, the error, and a reload after a change. */
export function useQuery<N extends ServiceName>(method: N, args: ServiceArgs<N> | null) {
  const host = useHost();
  const [data, setData] = useState<ServiceResult<N> | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const key = JSON.stringify(args);
  const reload = useCallback(() => {
    if (args === null) return;
    host.call(method, args).then((d) => { setData(d); setError(null); }, (e) => setError(asServiceError(e)));
  }, [host, method, key]);
  useEffect(reload, [reload]);
  return { data, error, reload, setError };
}
