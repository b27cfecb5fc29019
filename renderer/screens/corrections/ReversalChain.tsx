import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { formatTimestamp } from '../../format/dates';
import { useQuery } from '../../host/use-query';

/** A document's correction history (更正记录): every version of its key and every red reversal, oldest first. */
export function ReversalChain({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const chain = useQuery('corrections.chain', { documentId });
  const rows = chain.data?.chain ?? [];
  if (rows.length <= 1) return null;
  return (
    <section data-testid="reversal-chain">
      <h4>{t('corrections.chain')}</h4>
      <table className="table compact chain">
        <thead><tr><th>{t('corrections.state')}</th><th>{t('fees.docNo')}</th><th>{t('fields.date')}</th><th>{t('fields.amount')}</th><th>{t('corrections.note')}</th></tr></thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} className={c.id === documentId ? 'current' : ''}>
              <td>{c.role === 'reversal' ? t('corrections.reversalState') : `${t('corrections.version', { version: c.version })} ${c.inForce ? t('corrections.inForce') : t('corrections.reversedState')}`}</td>
              <td>{c.docNo}</td><td>{c.docDate}</td><td className="num"><Money fen={c.totalFen} /></td>
              <td>{c.role === 'reversal' ? t('corrections.reversalNote', { doc: c.reverses?.docNo ?? '', reason: c.reason ?? '', by: c.by })
                : c.reversedBy ? t('corrections.reversedOn', { date: c.reversedBy.date, by: c.reversedBy.by, reversal: c.reversedBy.docNo })
                  : t('corrections.postedBy', { by: c.by, at: formatTimestamp(c.at) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
