import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import type { Row } from '../../components/DataGrid';
import { ReversalChain } from './ReversalChain';
import { ReverseButton, ReversalNotice } from './ReverseButton';

/** 冲销 of a deduction: one already claimed is booked back as a red claim line at the next reconciliation. */
export function DeductionCorrection({ row, onChanged }: { row: Row; onChanged: () => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<ServiceResult<'corrections.reverse'> | null>(null);
  const id = Number(row.document_id);
  return (
    <section data-testid="deduction-correction">
      {done && <ReversalNotice r={done} />}
      {row.reverses_id != null ? <p className="muted">{t('corrections.reversalState')}</p>
        : !done && <ReverseButton documentId={id} inForce={row.reversed_by == null} label={`${t('docKinds.deduction')} ${String(row.doc_no)}`} onDone={(r) => { setDone(r); onChanged(); }} />}
      <ReversalChain key={done ? done.reversalId : 0} documentId={id} />
    </section>
  );
}
