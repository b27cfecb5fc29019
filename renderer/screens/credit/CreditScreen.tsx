import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { Tabs } from '../../components/Tabs';
import { todayIso } from '../../format/dates';
import { AgeingTab } from './AgeingTab';
import { DunningTab } from './DunningTab';
import { ExposureTab } from './ExposureTab';
import { HoldsTab } from './HoldsTab';
import { WatchTab } from './WatchTab';

type Tab = 'ageing' | 'exposure' | 'dunning' | 'holds' | 'watch';

/** 信用: ageing with a chart and the items behind each bar, exposure and grades, holds, the channel-conflict watch. */
export function CreditScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>((['ageing', 'exposure', 'dunning', 'holds', 'watch'] as const).find((x) => x === params.tab) ?? 'ageing');
  const [asOf, setAsOf] = useState(params.asOf ?? todayIso());
  return (
    <main className="screen" aria-labelledby="credit-title">
      <div className="screen-head">
        <h1 id="credit-title">{t('areas.credit')}</h1>
        <DateInput label={t('home.asOf')} value={asOf} onChange={(v) => v.length === 10 && setAsOf(v)} testId="credit-as-of" />
      </div>
      <Tabs label={t('areas.credit')} current={tab} onChange={setTab} tabs={[
        { id: 'ageing', label: t('credit.ageing') }, { id: 'exposure', label: t('credit.exposure') }, { id: 'dunning', label: t('credit.dunning') }, { id: 'holds', label: t('credit.holds') }, { id: 'watch', label: t('credit.watch') },
      ]} />
      {tab === 'ageing' && <AgeingTab asOf={asOf} />}
      {tab === 'exposure' && <ExposureTab asOf={asOf} />}
      {tab === 'dunning' && <DunningTab asOf={asOf} />}
      {tab === 'holds' && <HoldsTab asOf={asOf} />}
      {tab === 'watch' && <WatchTab />}
    </main>
  );
}
