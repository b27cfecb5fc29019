import { useState } from 'react';
import { SidePanel } from '../../components/SidePanel';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { formatTimestamp } from '../../format/dates';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';

/** 催款: who owes past due, the items oldest first, who to call, and what was agreed — with a new follow-up. */
export function DunningTab({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const list = useQuery('credit.dunning', { asOf });
  const { act, error, setError } = useAction();
  const [open, setOpen] = useState<Row | null>(null);
  const [note, setNote] = useState('');
  const save = async () => {
    if (open && (await act('credit.followUp', { ka: String(open.ka), note }))) {
      setNote('');
      list.reload();
      setOpen(null);
    }
  };
  return (
    <section>
      <ErrorNotice error={list.error} />
      <div className="split">
        <DataGrid testId="dunning-grid" height={320} rows={list.data?.rows ?? []} rowId={(r) => String(r.ka)} selectedId={open ? String(open.ka) : null} onOpen={setOpen} columns={[
          { field: 'ka', headerName: 'KA', width: 70 }, { field: 'name', headerName: t('fields.name'), width: 110 },
          { field: 'contact', headerName: t('fields.contact'), width: 100 }, { field: 'phone', headerName: t('fields.phone'), width: 120 },
          moneyCol('overdueFen', t('credit.overdue')),
          { headerName: t('credit.items'), width: 80, valueGetter: (p) => (p.data?.items as unknown[] | undefined)?.length ?? 0, type: 'rightAligned' },
          { headerName: t('credit.lastFollowUp'), flex: 1, minWidth: 220, valueGetter: (p) => {
            const f = p.data?.lastFollowUp as { note: string; by: string; at: string } | null | undefined;
            return f ? `${formatTimestamp(f.at)} ${f.by}: ${f.note}` : '';
          } },
        ]} />
        {open && (
          <SidePanel title={`${String(open.ka)} ${String(open.name)}`} onClose={() => setOpen(null)} testId="dunning-detail" className="detail">
            <DataGrid height={240} rows={open.items as Row[]} columns={[
              { field: 'docNo', headerName: t('fees.docNo'), width: 150 }, { field: 'dueDate', headerName: t('credit.due'), width: 110 },
              moneyCol('openFen', t('fees.open')), { field: 'daysOverdue', headerName: t('credit.daysOverdue'), width: 90, type: 'rightAligned' },
            ]} />
            <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
              <Field label={t('credit.followUpNote')} error={errorFor(error, '--note')}><textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="follow-up-note" /></Field>
              <button type="submit" className="primary" data-testid="follow-up-save" disabled={!note.trim()}>{t('credit.recordFollowUp')}</button>
            </form>
            {error && !errorFor(error, '--note') && <ErrorNotice error={error} onClose={() => setError(null)} />}
          </SidePanel>
        )}
      </div>
    </section>
  );
}
