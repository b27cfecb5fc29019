import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import { useAction } from '../../host/use-action';
import { HqAuditTab } from './HqAuditTab';
import { HqClaimsTab } from './HqClaimsTab';
import { HqExposureTab } from './HqExposureTab';
import { HqLoadTab } from './HqLoadTab';
import { HqMissingTab } from './HqMissingTab';
import { HqOpenPanel, type HqState } from './HqOpenPanel';
import { HqRebatesTab } from './HqRebatesTab';
import { HqSignIn } from './HqSignIn';
import { HqWatchTab } from './HqWatchTab';

const TABS = ['exposure', 'claims', 'rebates', 'watch', 'audit', 'missing', 'load'] as const;
type Tab = (typeof TABS)[number];

/**
 * 总部: the manufacturer's head office across every distributor — chain exposure, the claims queue, national-contract
 * rebates, the channel watch, the KA marketing audit, who has not sent a month, and loading packages. Works on the
 * head-office database (its own session and sign-in), with or without a book open.
 */
export function HqScreen({ state, onState, params }: { state: HqState; onState: (s: HqState) => void; params: Record<string, string> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>((TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'exposure');
  const [period, setPeriod] = useState(params.period ?? state.periods.at(-1) ?? '');
  const { act } = useAction();
  const refresh = async () => {
    const s = await act('hq.state', {});
    if (s) onState(s);
  };
  if (!state.open) {
    return (
      <main className="screen" aria-labelledby="hq-title">
        <div className="screen-head"><h1 id="hq-title">{t('hq.title')}</h1></div>
        <p>{t('hq.notOpen')}</p>
        <HqOpenPanel state={state} onState={onState} />
      </main>
    );
  }
  const month = period || state.periods.at(-1) || '';
  return (
    <main className="screen" aria-labelledby="hq-title" data-testid="hq-screen">
      <div className="screen-head">
        <h1 id="hq-title">{t('hq.title')}</h1>
        <span className="hint" data-testid="hq-where">{t('hq.where', { where: state.open.where })}</span>
        <label className="inline">{t('hq.period')}
          <select value={month} onChange={(e) => setPeriod(e.target.value)} data-testid="hq-period">{state.periods.map((p) => <option key={p}>{p}</option>)}</select>
        </label>
        <span className="fill" />
        <HqSignIn state={state} onState={onState} />
        <button type="button" className="link" data-testid="hq-close" onClick={async () => { const s = await act('hq.close', {}); if (s) onState(s); }}>{t('hq.close')}</button>
      </div>
      {!state.user && <p className="notice warn">{t('hq.signInNeeded')}</p>}
      <Tabs label={t('hq.title')} current={tab} onChange={setTab} tabs={TABS.map((id) => ({ id, label: t(`hq.tabs.${id}`) }))} />
      {tab === 'exposure' && <HqExposureTab key={month} period={month} />}
      {tab === 'claims' && <HqClaimsTab key={state.user?.username ?? ''} />}
      {tab === 'rebates' && <HqRebatesTab key={month} period={month} periods={state.periods} />}
      {tab === 'watch' && <HqWatchTab key={month} period={month} />}
      {tab === 'audit' && <HqAuditTab periods={state.periods} />}
      {tab === 'missing' && <HqMissingTab periods={state.periods} month={month} />}
      {tab === 'load' && <HqLoadTab onLoaded={() => void refresh()} />}
    </main>
  );
}
