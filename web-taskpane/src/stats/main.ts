import '../styles/pane.css';
import '../styles/stats.css';
import { ApiError } from '../api';
import { signInHeaders } from '../auth';
import { h } from '../dom';
import { getJson } from '../http';
import { actionChart, destroyCharts, thresholdChart, unitChart, weeklyChart } from './charts';
import { actionMatrix, actionTable, employeeTable, headlineFigures, thresholdTable, unitMatrix, unitTable, weeklyTable, type StatsResponse } from './stats-data';
import { figuresView, tableView } from './stats-view';

const main = document.getElementById('stats')!;
const headers = signInHeaders();
const form = document.getElementById('filters') as HTMLFormElement;
const fields = ['mailbox', 'from', 'to'] as const;
const input = (name: (typeof fields)[number]) => document.getElementById(name) as HTMLInputElement;

const initial = new URLSearchParams(location.search);
for (const name of fields) input(name).value = initial.get(name) ?? '';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = new URLSearchParams(fields.flatMap((name) => (input(name).value ? [[name, input(name).value]] : [])));
  history.replaceState(null, '', query.size > 0 ? `?${query}` : location.pathname);
  void load(query);
});
void load(initial);

async function load(query: URLSearchParams): Promise<void> {
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'status-text' }, 'Henter statistikk …'));
  destroyCharts();
  try {
    const stats = await getJson<StatsResponse>(`/api/stats?${query}`, { headers });
    input('from').value = stats.from;
    input('to').value = stats.to;
    main.replaceChildren(...report(stats));
  } catch (error) {
    main.replaceChildren(h('p', { class: 'message message-error', role: 'alert', 'data-testid': 'stats-error' }, errorText(error)));
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function report(s: StatsResponse): HTMLElement[] {
  const period = `${s.from}_${s.to}`;
  const employees = employeeTable(s);
  const section = (title: string, ...content: (HTMLElement | null)[]) => h('section', { class: 'stats-section' }, h('h2', {}, title), ...content);
  const chart = (canvas: HTMLCanvasElement, tall = false) => h('div', { class: tall ? 'chart chart-tall' : 'chart' }, canvas);
  return [
    h('p', { class: 'period' }, `${s.mailbox}, ${day(s.from)}–${day(s.to)} (dager i ${s.timeZone}, begge med)`),
    figuresView(headlineFigures(s)),
    section('Uke for uke', chart(weeklyChart(s)), tableView(weeklyTable(s), period)),
    section(
      'Hva ble endret',
      chart(actionChart(s)),
      tableView(actionMatrix(s), period, true),
      tableView(actionTable(s), period),
      tableView(unitMatrix(s), period, true),
    ),
    section('Per enhet', chart(unitChart(s), true), tableView(unitTable(s), period)),
    section('Terskler for sikkerhet', chart(thresholdChart(s)), tableView(thresholdTable(s), period)),
    ...(employees ? [section('Per ansatt', tableView(employees, period))] : []),
  ];
}

const day = (iso: string) => new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Noe gikk galt under visningen av statistikken. Last siden på nytt.';
  switch (error.status) {
    case 0:
      return 'Får ikke kontakt med MailAssist. Sjekk nettforbindelsen og prøv igjen.';
    case 401:
      return 'Du er ikke logget inn. Last siden på nytt for å logge inn.';
    case 403:
      return 'Du har ikke tilgang til statistikken (krever rollen MailAssist.TeamLead).';
    case 404:
      return 'Du har ikke tilgang til denne postkassen, eller den finnes ikke.';
    case 400:
      return Object.values(error.problem?.errors ?? {}).flat().join(' ') || 'Filteret er ugyldig.';
    default:
      return `MailAssist svarte med en feil (${error.status}). Prøv igjen senere.`;
  }
}
