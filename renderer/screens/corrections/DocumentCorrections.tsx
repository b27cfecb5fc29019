import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { ReverseButton, ReversalNotice } from './ReverseButton';

type Detail = ServiceResult<'reconcile.line'>;

/**
 * 冲销 from the workbench: the delivery and each receipt behind a line, each with its own reversal. A reversed
 * receipt matches nothing on the next run, so the line shows what is left to receive.
 */
export function DocumentCorrections({ delivery, receipts, onReversed }: { delivery: Detail['delivery']; receipts: Detail['receipts']; onReversed: () => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<ServiceResult<'corrections.reverse'> | null>(null);
  const docs = [{ id: delivery.document_id, no: delivery.doc_no, kind: 'delivery' },
    ...[...new Map(receipts.map((r) => [r.document_id, r])).values()].map((r) => ({ id: r.document_id, no: r.doc_no, kind: 'receipt' }))];
  return (
    <section className="corrections" data-testid="line-corrections">
      {done && <ReversalNotice r={done} />}
      <div className="row">
        {docs.map((d) => (
          <span key={d.id} className="inline" data-testid={`line-doc-${d.no}`}>
            {t(`docKinds.${d.kind}`)} {d.no}{' '}
            <ReverseButton documentId={d.id} label={`${t(`docKinds.${d.kind}`)} ${d.no}`} onDone={(r) => { setDone(r); onReversed(); }} />
          </span>
        ))}
      </div>
    </section>
  );
}
