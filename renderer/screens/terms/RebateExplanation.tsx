import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { formatPpm } from '../../format/rate';
import { useWords, type WireMessage } from '../../i18n/words';

interface Rebate {
  direction: string; mode: string; basis: string; accrualBasis: string; window: { from?: string; to?: string; months?: number; elapsed?: number } & Record<string, unknown>;
  base: { accepted: number; returns: number; excludedProducts: number; excludedStores: number; excludedPromotions: number; base: number; from: string; to: string };
  tiers: { threshold: number; rate: number }[]; projection: number; tierIndex: number; rate: number;
  slices: { from: number; to: number; rate: number; amount: number }[]; projectedRebate: number; target: number; trueUp: boolean;
  next: { threshold: number; rate: number; needed: number; rebateThere: number; gain: number } | null; rounding: WireMessage;
}

/** How a rebate was reached, step by step: base and exclusions, the tiers, the tier reached and its rate, the accrual. */
export function RebateExplanation({ r }: { r: Rebate }) {
  const { t } = useTranslation();
  const { say } = useWords();
  const b = r.base;
  return (
    <section data-testid="rebate-explanation">
      <h3>{t('terms.rebate')} · {t(`terms.direction.${r.direction}`)} · {t(`terms.mode.${r.mode}`)} · {t(`terms.basis.${r.basis}`)}</h3>
      <table className="table compact steps">
        <tbody>
          <tr><td>{t('terms.accepted')} ({b.from} – {b.to})</td><td className="num"><Money fen={b.accepted} /></td></tr>
          <tr><td>− {t('terms.returns')}</td><td className="num"><Money fen={-b.returns} /></td></tr>
          <tr><td>− {t('terms.excludedProducts')}</td><td className="num"><Money fen={-b.excludedProducts} /></td></tr>
          <tr><td>− {t('terms.excludedStores')}</td><td className="num"><Money fen={-b.excludedStores} /></td></tr>
          <tr><td>− {t('terms.excludedPromotions')}</td><td className="num"><Money fen={-b.excludedPromotions} /></td></tr>
          <tr className="total"><td>= {t('terms.base')}</td><td className="num" data-testid="rebate-base"><Money fen={b.base} /></td></tr>
          <tr><td>{t('terms.projection', { basis: t(`terms.accrualBasis.${r.accrualBasis}`) })}</td><td className="num"><Money fen={r.projection} /></td></tr>
          <tr><td>{t('terms.tierReached')}</td><td className="num">{r.tierIndex >= 0 ? `${r.tierIndex + 1} · ${formatPpm(r.rate)}` : t('terms.noTier')}</td></tr>
          <tr><td>{t('terms.projectedRebate')}</td><td className="num"><Money fen={r.projectedRebate} /></td></tr>
          <tr className="total"><td>{t('terms.target')}{r.trueUp ? ` (${t('terms.trueUp')})` : ''}</td><td className="num" data-testid="rebate-target"><Money fen={r.target} /></td></tr>
        </tbody>
      </table>
      <h4>{t('terms.tiers')}</h4>
      <table className="table compact">
        <thead><tr><th>#</th><th>{t('terms.threshold')}</th><th>{t('terms.rate')}</th></tr></thead>
        <tbody>{r.tiers.map((tier, i) => <tr key={i} className={i === r.tierIndex ? 'current' : ''}><td>{i + 1}</td><td className="num"><Money fen={tier.threshold} /></td><td className="num">{formatPpm(tier.rate)}</td></tr>)}</tbody>
      </table>
      {r.slices.length > 0 && (
        <>
          <h4>{t('terms.slices')}</h4>
          <table className="table compact">
            <thead><tr><th>{t('terms.from')}</th><th>{t('terms.to')}</th><th>{t('terms.rate')}</th><th>{t('fields.amount')}</th></tr></thead>
            <tbody>{r.slices.map((s, i) => <tr key={i}><td className="num"><Money fen={s.from} /></td><td className="num"><Money fen={s.to} /></td><td className="num">{formatPpm(s.rate)}</td><td className="num"><Money fen={s.amount} /></td></tr>)}</tbody>
          </table>
        </>
      )}
      {r.next && <p className="muted">{t('terms.next', { needed: '', rate: formatPpm(r.next.rate) })} <Money fen={r.next.needed} /> → +<Money fen={r.next.gain} /></p>}
      <p className="muted small">{say(r.rounding)}</p>
    </section>
  );
}
