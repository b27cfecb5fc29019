import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import type { Row } from '../../components/DataGrid';
import { ReversalChain } from './ReversalChain';
import { ReverseButton, ReversalNotice } from './ReverseButton';

/**
 * 冲销 of a fee claim: withdraws it (with the distributor's share booked beside it) and frees its deductions for the
 * next run. A claim written off or rejected is settled: the credit that settled it is reversed instead.
 */
export function ClaimCorrection({ claim, onChanged }: { claim: Row; onChanged: () => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<ServiceResult<'corrections.reverse'> | null>(null);
  const reversed = claim.reversed_by != null;
  const settled = claim.status === 'written_off' || claim.status === 'rejected';
  return (
    <section data-testid="claim-correction">
      {done && <ReversalNotice r={done} />}
      {reversed ? <p className="muted" data-testid="claim-reversed">{t('corrections.reversedState')}</p>
        : !settled && <ReverseButton documentId={Number(claim.id)} label={String(claim.doc_no)} onDone={(r) => { setDone(r); onChanged(); }} />}
      <ReversalChain key={String(claim.reversed_by ?? 'live')} documentId={Number(claim.id)} />
    </section>
  );
}
