import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../format/dates';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { useWords } from '../../i18n/words';

/** 备份: the copies kept beside the book; back up now, or restore one (from the 文件 menu, after confirming). */
export function BackupsTab({ onRestore }: { onRestore: () => void }) {
  const { t } = useTranslation();
  const { say } = useWords();
  const list = useQuery('book.backups', {});
  const { act, error } = useAction();
  const [message, setMessage] = useState('');
  const [checked, setChecked] = useState<ServiceResult<'book.check'> | null>(null);
  const now = async () => {
    const r = await act('book.backup', { reason: 'manual' });
    if (r) {
      setMessage(t('backup.done', { file: r.file }));
      list.reload();
    }
  };
  return (
    <section>
      <div className="row">
        <button type="button" className="primary" data-testid="backup-now" onClick={now}>{t('backup.now')}</button>
        <button type="button" onClick={onRestore}>{t('menu.restore')}</button>
        <button type="button" data-testid="book-check" onClick={async () => setChecked(await act('book.check', {}))}>{t('backup.check')}</button>
      </div>
      {checked && (
        <table className={`table compact ${checked.ok ? '' : 'bad'}`} data-testid="book-check-result">
          <caption>{checked.ok ? t('backup.sound') : t('backup.unsound')}</caption>
          <tbody>{checked.checks.map((c) => <tr key={c.name}><td>{c.ok ? '✔' : '✘'}</td><td>{say({ code: c.name })}</td><td>{say(c.detail)}</td></tr>)}</tbody>
        </table>
      )}
      {message && <p className="notice ok" role="status">{message}</p>}
      <ErrorNotice error={list.error ?? error} />
      <DataGrid testId="backups-grid" height={360} rows={list.data?.backups ?? []} columns={[
        { field: 'name', headerName: t('restore.file'), flex: 1 },
        { field: 'takenAt', headerName: t('restore.taken'), width: 160, valueFormatter: (p) => formatTimestamp(p.value as string) },
        { field: 'bytes', headerName: t('restore.size'), width: 110, type: 'rightAligned', valueFormatter: (p) => `${((p.value as number) / 1024 / 1024).toFixed(1)} MB` },
      ]} />
    </section>
  );
}
