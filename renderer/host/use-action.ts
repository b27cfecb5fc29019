import { useCallback, useState } from 'react';
import type { ServiceArgs, ServiceError, ServiceName, ServiceResult } from '../../contract/service-contract';
import { asServiceError } from '../components/ErrorNotice';
import { useHost } from './host-context';

/**
 * A change the user asks for from a form or a button: runs the call, keeps its error for the form (beside the field
 * it names), clears it on success and hands the answer on. Resolves to the answer, or null when it was refused.
 */
export function useAction() {
  const host = useHost();
  const [error, setError] = useState<ServiceError | null>(null);
  const act = useCallback(async <N extends ServiceName>(method: N, args: ServiceArgs<N>): Promise<ServiceResult<N> | null> => {
    try {
      const result = await host.call(method, args);
      setError(null);
      return result;
    } catch (e) {
      setError(asServiceError(e));
      return null;
    }
  }, [host]);
  return { act, error, setError };
}
