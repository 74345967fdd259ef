// The shape of GET /api/stats (docs/stats.md) and how its figures read in Norwegian, on screen and in CSV.

export interface StatsResponse {
  mailbox: string;
  from: string;
  to: string;
  timeZone: string;
  decisions: number;
  accepted: number;
  confirmationRate: number | null;
  needsReviewShare: number | null;
  fallbackShare: number | null;
  medianSecondsToDecision: number | null;
  byAction: { action: string; decisions: number; accepted: number; confirmationRate: number | null; chosen: number }[];
  byUnit: { unit: string; unitName: string; decisions: number; accepted: number; confirmationRate: number | null; chosen: number }[];
  byWeek: { week: string; weekStart: string; decisions: number; accepted: number; confirmationRate: number | null }[];
  overrides: {
    actions: { suggested: string; chosen: string; count: number }[];
    units: { suggested: string; suggestedName: string; chosen: string; chosenName: string; count: number }[];
  };
  tokens: { suggestions: number; prompt: number; completion: number; estimatedCost: number | null; currency: string };
  thresholds: { threshold: number; decisions: number; share: number | null; confirmationRate: number | null }[];
  byEmployee?: { employee: string; decisions: number; accepted: number; confirmationRate: number | null }[];
}

export type Kind = 'text' | 'count' | 'share' | 'seconds' | 'threshold';
export type Value = string | number | null;

export interface Column {
  label: string;
  kind: Kind;
}

/** A table as data: shown as a <table>, exported as CSV, and (for most) drawn as a chart. */
export interface Table {
  id: string;
  caption: string;
  columns: Column[];
  rows: Value[][];
}

const locale = 'nb-NO';
const none = '–';

export const actionNames: Record<string, string> = { journalfor: 'Journalfør', videresend: 'Videresend', slett: 'Slett' };
const actionName = (action: string) => actionNames[action] ?? action;

/** "82,1 %". */
export function share(value: number | null): string {
  return value === null ? none : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function count(value: number | null): string {
  return value === null ? none : new Intl.NumberFormat(locale).format(value);
}

/** "3 min 32 s", "1 t 5 min", "40 s". */
export function duration(seconds: number | null): string {
  if (seconds === null) return none;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const hours = Math.floor(s / 3600);
  if (hours < 48) return `${hours} t ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} t`;
}

export function money(amount: number | null, currency: string): string {
  return amount === null ? 'ingen priser satt' : new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

export function threshold(value: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(value);
}

export function display(kind: Kind, value: Value): string {
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'share':
      return share(value);
    case 'seconds':
      return duration(value);
    case 'threshold':
      return value === null ? none : threshold(value);
    default:
      return count(value);
  }
}

export interface Figure {
  id: string;
  label: string;
  value: string;
  raw: number | null;
}

export function headlineFigures(s: StatsResponse): Figure[] {
  return [
    { id: 'decisions', label: 'Avgjorte meldinger', value: count(s.decisions), raw: s.decisions },
    { id: 'accepted', label: 'Bekreftet uendret', value: count(s.accepted), raw: s.accepted },
    { id: 'confirmation-rate', label: 'Bekreftelsesrate', value: share(s.confirmationRate), raw: s.confirmationRate },
    { id: 'needs-review-share', label: 'Måtte vurderes nøye', value: share(s.needsReviewShare), raw: s.needsReviewShare },
    { id: 'fallback-share', label: 'Besvart av reserveklassifisereren', value: share(s.fallbackShare), raw: s.fallbackShare },
    { id: 'median-time', label: 'Median tid til avgjørelse', value: duration(s.medianSecondsToDecision), raw: s.medianSecondsToDecision },
    { id: 'tokens', label: `Tokens (${count(s.tokens.suggestions)} forslag)`, value: count(s.tokens.prompt + s.tokens.completion), raw: s.tokens.prompt + s.tokens.completion },
    { id: 'estimated-cost', label: 'Anslått kostnad for språkmodellen', value: money(s.tokens.estimatedCost, s.tokens.currency), raw: s.tokens.estimatedCost },
  ];
}

export function weeklyTable(s: StatsResponse): Table {
  return {
    id: 'uker',
    caption: 'Avgjørelser og bekreftelsesrate per uke',
    columns: [
      { label: 'Uke', kind: 'text' },
      { label: 'Mandag', kind: 'text' },
      { label: 'Avgjort', kind: 'count' },
      { label: 'Bekreftet', kind: 'count' },
      { label: 'Bekreftelsesrate', kind: 'share' },
    ],
    rows: s.byWeek.map((w) => [w.week, w.weekStart, w.decisions, w.accepted, w.confirmationRate]),
  };
}

/** Per suggested unit or action: how often it was suggested and confirmed, and how often staff chose it. */
function outcomeTable(id: string, caption: string, what: string, chosen: string, rows: Value[][]): Table {
  return {
    id,
    caption,
    columns: [
      { label: what, kind: 'text' },
      { label: 'Foreslått og avgjort', kind: 'count' },
      { label: 'Bekreftet', kind: 'count' },
      { label: 'Bekreftelsesrate', kind: 'share' },
      { label: chosen, kind: 'count' },
    ],
    rows,
  };
}

export function unitTable(s: StatsResponse): Table {
  return outcomeTable('enheter', 'Per foreslått enhet', 'Enhet', 'Sendt hit', s.byUnit.map((u) => [u.unitName, u.decisions, u.accepted, u.confirmationRate, u.chosen]));
}

export function actionTable(s: StatsResponse): Table {
  return outcomeTable('handlinger', 'Per foreslått handling', 'Handling', 'Valgt', s.byAction.map((a) => [actionName(a.action), a.decisions, a.accepted, a.confirmationRate, a.chosen]));
}

/**
 * Suggested action (rows) against chosen action (columns). The overrides list only the pairs that
 * differ; the diagonal is what remains of each suggested action's decisions.
 */
export function actionMatrix(s: StatsResponse): Table {
  const actions = s.byAction.map((a) => a.action);
  const moved = (from: string, to: string) => s.overrides.actions.find((o) => o.suggested === from && o.chosen === to)?.count ?? 0;
  return {
    id: 'handlingsmatrise',
    caption: 'Foreslått handling (rad) mot valgt handling (kolonne)',
    columns: [{ label: 'Foreslått \\ valgt', kind: 'text' }, ...actions.map((a) => ({ label: actionName(a), kind: 'count' as const }))],
    rows: s.byAction.map((a) => {
      const kept = a.decisions - actions.reduce((sum, to) => sum + (to === a.action ? 0 : moved(a.action, to)), 0);
      return [actionName(a.action), ...actions.map((to) => (to === a.action ? kept : moved(a.action, to)))];
    }),
  };
}

/** Suggested unit (rows) against the unit staff chose instead (columns), for the units that were changed. */
export function unitMatrix(s: StatsResponse): Table {
  const names = new Map(s.byUnit.map((u) => [u.unit, u.unitName]));
  for (const o of s.overrides.units) names.set(o.suggested, o.suggestedName).set(o.chosen, o.chosenName);
  const order = [...names.keys()];
  const byOrder = (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
  const suggested = [...new Set(s.overrides.units.map((o) => o.suggested))].sort(byOrder);
  const chosen = [...new Set(s.overrides.units.map((o) => o.chosen))].sort(byOrder);
  return {
    id: 'enhetsendringer',
    caption: 'Endret enhet: foreslått (rad) mot valgt (kolonne)',
    columns: [{ label: 'Foreslått \\ valgt', kind: 'text' }, ...chosen.map((c) => ({ label: names.get(c)!, kind: 'count' as const }))],
    rows: suggested.map((from) => [
      names.get(from)!,
      ...chosen.map((to) => s.overrides.units.find((o) => o.suggested === from && o.chosen === to)?.count ?? 0),
    ]),
  };
}

export function thresholdTable(s: StatsResponse): Table {
  return {
    id: 'terskler',
    caption: 'Hva en terskel for sikkerhet ville gitt',
    columns: [
      { label: 'Sikkerhet minst', kind: 'threshold' },
      { label: 'Avgjort', kind: 'count' },
      { label: 'Andel av alle', kind: 'share' },
      { label: 'Bekreftelsesrate', kind: 'share' },
    ],
    rows: s.thresholds.map((t) => [t.threshold, t.decisions, t.share, t.confirmationRate]),
  };
}

export function employeeTable(s: StatsResponse): Table | null {
  if (!s.byEmployee) return null;
  return {
    id: 'ansatte',
    caption: 'Per ansatt',
    columns: [
      { label: 'Ansatt', kind: 'text' },
      { label: 'Avgjort', kind: 'count' },
      { label: 'Bekreftet', kind: 'count' },
      { label: 'Bekreftelsesrate', kind: 'share' },
    ],
    rows: s.byEmployee.map((e) => [e.employee, e.decisions, e.accepted, e.confirmationRate]),
  };
}

/** A CSV value as Excel in a Norwegian locale reads it: decimal comma, no digit grouping, shares in per cent. */
function csvValue(kind: Kind, value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  const number = kind === 'share' ? Math.round(value * 1000) / 10 : value;
  return String(number).replace('.', ',');
}

/** Semicolon-separated with a byte order mark, so that Excel set to Norwegian opens it as UTF-8 in columns. */
export function toCsv(table: Table): string {
  const header = table.columns.map((c) => csvValue('text', c.kind === 'share' ? `${c.label} (%)` : c.label));
  const lines = [header, ...table.rows.map((row) => row.map((v, i) => csvValue(table.columns[i]!.kind, v)))];
  return '\uFEFF' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}

/** Heat map shade 0 (none) to 5 (the largest count in the table). */
export function heat(value: number, max: number): number {
  return value <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((value / max) * 5));
}
