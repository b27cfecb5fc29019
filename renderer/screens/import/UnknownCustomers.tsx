import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { useQuery } from '../../host/use-query';

type Preview = ServiceResult<'import.preview'>;

/**
 * ERP customer codes the book does not know, each with the store its name suggests (preselected, changeable): the
 * user confirms once, the pairs are remembered for the book, and the file is previewed again.
 */
export function UnknownCustomers({ preview, busy, onConfirm }: {
  preview: Preview; busy: boolean; onConfirm: (pairs: { customerCode: string; customerName: string | null; ka: string; storeCode: string }[]) => void;
}) {
  const { t } = useTranslation();
  const stores = useQuery('master.list', { entity: 'stores', limit: 1000 });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const unknown = preview.unknownCustomers;
  useEffect(() => {
    setChosen(Object.fromEntries(unknown.map((u) => [u.code, u.proposal ? `${u.proposal.ka}/${u.proposal.storeCode}` : ''])));
  }, [unknown]);
  if (!unknown.length) return null;
  const options = (stores.data?.rows ?? []).map((s) => ({ value: `${String(s.ka)}/${String(s.store_code)}`, label: `${String(s.ka)}/${String(s.store_code)} ${String(s.name)}` }));
  const ready = unknown.every((u) => chosen[u.code]);
  return (
    <section className="notice warn customers" aria-label={t('import.customersTitle', { count: unknown.length })} data-testid="unknown-customers">
      <strong>{t('import.customersTitle', { count: unknown.length })}</strong>
      <table className="table compact">
        <thead><tr><th>{t('import.customerCode')}</th><th>{t('import.customerName')}</th><th>{t('import.storeRows')}</th><th>{t('import.proposal')}</th><th>{t('import.similarity')}</th></tr></thead>
        <tbody>
          {unknown.map((u) => (
            <tr key={u.code}>
              <td>{u.code}</td>
              <td>{u.name ?? ''}</td>
              <td className="num">{u.rows}</td>
              <td>
                <select aria-label={`${t('import.proposal')} ${u.code}`} data-testid={`customer-${u.code}`} value={chosen[u.code] ?? ''}
                  onChange={(e) => setChosen({ ...chosen, [u.code]: e.target.value })}>
                  <option value="">{t('import.chooseStore')}</option>
                  {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </td>
              <td className="num">{u.proposal ? `${Math.round(u.proposal.score * 100)}%` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="primary" data-testid="confirm-customers" disabled={!ready || busy}
          onClick={() => onConfirm(unknown.map((u) => {
            const [ka, storeCode] = chosen[u.code]!.split('/') as [string, string];
            return { customerCode: u.code, customerName: u.name, ka, storeCode };
          }))}>{t('import.confirmCustomers')}</button>
      </div>
    </section>
  );
}
