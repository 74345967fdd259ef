import { describe, expect, it } from 'vitest';
import { actionMatrix, duration, headlineFigures, heat, share, thresholdTable, toCsv, unitMatrix, weeklyTable, type StatsResponse } from '../src/stats/stats-data';

function stats(overrides: Partial<StatsResponse> = {}): StatsResponse {
  return {
    mailbox: 'postmottak@eksempel.kommune.no',
    from: '2026-08-03',
    to: '2026-10-25',
    timeZone: 'Europe/Oslo',
    decisions: 1840,
    accepted: 1511,
    confirmationRate: 0.8212,
    needsReviewShare: 0.12,
    fallbackShare: null,
    medianSecondsToDecision: 212.4,
    byAction: [
      { action: 'journalfor', decisions: 10, accepted: 7, confirmationRate: 0.7, chosen: 11 },
      { action: 'videresend', decisions: 20, accepted: 15, confirmationRate: 0.75, chosen: 18 },
      { action: 'slett', decisions: 5, accepted: 5, confirmationRate: 1, chosen: 6 },
    ],
    byUnit: [
      { unit: 'arkiv', unitName: 'Arkiv og innsyn', decisions: 9, accepted: 9, confirmationRate: 1, chosen: 9 },
      { unit: 'okonomi', unitName: 'Økonomi og fakturamottak', decisions: 12, accepted: 8, confirmationRate: 0.6667, chosen: 8 },
      { unit: 'eiendomsskatt', unitName: 'Eiendomsskatt og gebyrer', decisions: 0, accepted: 0, confirmationRate: null, chosen: 3 },
    ],
    byWeek: [{ week: '2026-W32', weekStart: '2026-08-03', decisions: 150, accepted: 121, confirmationRate: 0.8067 }],
    overrides: {
      actions: [
        { suggested: 'journalfor', chosen: 'videresend', count: 2 },
        { suggested: 'videresend', chosen: 'slett', count: 1 },
        { suggested: 'journalfor', chosen: 'slett', count: 1 },
      ],
      units: [
        { suggested: 'okonomi', suggestedName: 'Økonomi og fakturamottak', chosen: 'eiendomsskatt', chosenName: 'Eiendomsskatt og gebyrer', count: 3 },
        { suggested: 'okonomi', suggestedName: 'Økonomi og fakturamottak', chosen: 'arkiv', chosenName: 'Arkiv og innsyn', count: 1 },
      ],
    },
    tokens: { suggestions: 1902, prompt: 2415000, completion: 190000, estimatedCost: 1.83, currency: 'NOK' },
    thresholds: [{ threshold: 0.9, decisions: 1100, share: 0.5978, confirmationRate: 0.97 }],
    ...overrides,
  };
}

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('stats figures', () => {
  it('shows rates as Norwegian per cent with one decimal', () => {
    expect(nbsp(share(0.8212))).toBe('82,1 %');
    expect(share(null)).toBe('–');
  });

  it('shows the median time to decision in minutes, hours or days', () => {
    expect(duration(40.2)).toBe('40 s');
    expect(duration(212.4)).toBe('3 min 32 s');
    expect(duration(3900)).toBe('1 t 5 min');
    expect(duration(3 * 86400 + 7200)).toBe('3 d 2 t');
    expect(duration(null)).toBe('–');
  });

  it('lists the headline figures with their raw values', () => {
    const figures = Object.fromEntries(headlineFigures(stats()).map((f) => [f.id, f]));
    expect(nbsp(figures['confirmation-rate']!.value)).toBe('82,1 %');
    expect(figures['confirmation-rate']!.raw).toBe(0.8212);
    expect(nbsp(figures['decisions']!.value)).toBe('1 840');
    expect(figures['fallback-share']!.value).toBe('–');
    expect(nbsp(figures['tokens']!.value)).toBe('2 605 000');
    expect(nbsp(figures['estimated-cost']!.value)).toBe('1,83 kr');
    expect(headlineFigures(stats({ tokens: { suggestions: 0, prompt: 0, completion: 0, estimatedCost: null, currency: 'NOK' } })).at(-1)!.value).toBe(
      'ingen priser satt',
    );
  });
});

describe('stats tables', () => {
  it('fills the action matrix diagonal with the decisions that kept the suggested action', () => {
    const matrix = actionMatrix(stats());
    expect(matrix.columns.map((c) => c.label)).toEqual(['Foreslått \\ valgt', 'Journalfør', 'Videresend', 'Slett']);
    expect(matrix.rows).toEqual([
      ['Journalfør', 7, 2, 1],
      ['Videresend', 0, 19, 1],
      ['Slett', 0, 0, 5],
    ]);
  });

  it('puts unit overrides in a matrix of the units involved, in directory order', () => {
    const matrix = unitMatrix(stats());
    expect(matrix.columns.map((c) => c.label).slice(1)).toEqual(['Arkiv og innsyn', 'Eiendomsskatt og gebyrer']);
    expect(matrix.rows).toEqual([['Økonomi og fakturamottak', 1, 3]]);
  });

  it('shades heat map cells from 0 for none to 5 for the largest', () => {
    expect([0, 1, 10, 19, 20].map((v) => heat(v, 20))).toEqual([0, 1, 3, 5, 5]);
  });
});

describe('CSV export', () => {
  it('is semicolon-separated UTF-8 with a byte order mark, decimal commas and per cent for shares', () => {
    const csv = toCsv(thresholdTable(stats()));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Sikkerhet minst;Avgjort;Andel av alle (%);Bekreftelsesrate (%)', '0,9;1100;59,8;97', '']);
  });

  it('quotes text holding a separator or a quote, and leaves missing rates empty', () => {
    const csv = toCsv(weeklyTable(stats({ byWeek: [{ week: 'uke "32"; del', weekStart: '2026-08-03', decisions: 0, accepted: 0, confirmationRate: null }] })));
    expect(csv.split('\r\n')[1]).toBe('"uke ""32""; del";2026-08-03;0;0;');
  });
});
