import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf, renderMessage } from '../../../locale/index.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useAction } from '../../host/use-action';
import { useLongCall } from '../../host/use-long-call';

/** 装载: packages by their paths (one per line), each verified and loaded on its own; and a distributor book's key registered. */
export function HqLoadTab({ onLoaded }: { onLoaded: () => void }) {
  const { t, i18n } = useTranslation();
  const long = useLongCall();
  const { act, error, setError } = useAction();
  const [files, setFiles] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string }[]>([]);
  const lang = languageOf(i18n.language);
  return (
    <section>
      <div className="row">
        <input className="wide" value={keyFile} onChange={(e) => setKeyFile(e.target.value)} placeholder={t('hq.keyFile')} aria-label={t('hq.keyFile')} data-testid="hq-key-file" />
        <button type="button" disabled={!keyFile.trim()} data-testid="hq-register" onClick={async () => {
          const r = await act('hq.register', { file: keyFile.trim() });
          if (r) setSaid([{ ok: true, text: t('hq.registered', { book: r.book, distributors: r.distributors }) }]);
        }}>{t('hq.register')}</button>
      </div>
      <label className="block">{t('hq.files')}
        <textarea rows={5} value={files} onChange={(e) => setFiles(e.target.value)} data-testid="hq-load-files" />
      </label>
      <button type="button" className="primary" disabled={!files.trim() || long.busy} data-testid="hq-load" onClick={async () => {
        const r = await long.run('hq.load', { files: files.split(/\r?\n/).map((f) => f.trim()).filter(Boolean) });
        if (r) {
          setSaid(r.outcomes.map((o) => ({ ok: o.status !== 'refused', text: renderMessage(lang, o.message as never) })));
          onLoaded();
        }
      }}>{t('hq.load')}</button>
      {long.busy && <ProgressPanel label={t('app.busy')} progress={long.progress} />}
      <ErrorNotice error={long.error ?? error} onClose={() => { long.setError(null); setError(null); }} />
      {said.length > 0 && <div role="status" data-testid="hq-load-said">{said.map((s, i) => <p key={i} className={`notice ${s.ok ? 'ok' : 'error'}`}>{s.text}</p>)}</div>}
    </section>
  );
}
