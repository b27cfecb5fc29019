import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent, ServiceArgs, ServiceError, ServiceName, ServiceResult } from '../../contract/service-contract';
import { asServiceError } from '../components/ErrorNotice';
import { newCallId } from './host';
import { useHost } from './host-context';

/**
 * A call that may take a while (an import, a reconciliation, an export): tracks its progress, offers cancel,
 * and keeps its error for the screen to show.
 */
export function useLongCall() {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => host.onProgress((e) => {
    if (e.callId === current.current) setProgress(e);
  }), [host]);

  const run = useCallback(async <N extends ServiceName>(method: N, args: ServiceArgs<N>): Promise<ServiceResult<N> | null> => {
    const callId = newCallId();
    current.current = callId;
    setBusy(true);
    setProgress(null);
    setError(null);
    try {
      return await host.call(method, args, { callId });
    } catch (e) {
      setError(asServiceError(e));
      return null;
    } finally {
      current.current = null;
      setBusy(false);
    }
  }, [host]);

  const cancel = useCallback(() => {
    if (current.current) void host.cancel(current.current);
  }, [host]);

  return { run, cancel, busy, progress, error, setError };
}
