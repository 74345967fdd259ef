import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { actionMatrix, actionNames, type StatsResponse } from './stats-data';

// Only what the dashboard draws, so that the rest of Chart.js is left out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.animation = false;

const brand = '#0f6cbd';
const green = '#0e700e';
const grey = '#a19f9d';
const orange = '#bc4b09';
const percentAxis = { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v} %` } };
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

const drawn: Chart[] = [];

/** Removes the charts of the figures shown before. */
export function destroyCharts(): void {
  drawn.splice(0).forEach((chart) => chart.destroy());
}

/** A chart in a canvas that reads as an image with a name; the table beside it holds the numbers. */
function chartCanvas(label: string, config: ChartConfiguration<'bar' | 'line'>): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${label}. Tallene står i tabellen under.`);
  // Chart.js sizes the chart to the canvas's container, so it draws once the canvas is in the document.
  queueMicrotask(() => drawn.push(new Chart(canvas, { ...config, options: { maintainAspectRatio: false, ...config.options } } as ChartConfiguration)));
  return canvas;
}

export function weeklyChart(s: StatsResponse): HTMLCanvasElement {
  return chartCanvas('Avgjørelser og bekreftelsesrate per uke', {
    type: 'bar',
    data: {
      labels: s.byWeek.map((w) => w.week.replace(/^\d{4}-W/, 'uke ')),
      datasets: [
        { type: 'line', label: 'Bekreftelsesrate (%)', data: s.byWeek.map((w) => percent(w.confirmationRate)), borderColor: green, backgroundColor: green, yAxisID: 'rate', spanGaps: true },
        { type: 'bar', label: 'Avgjort', data: s.byWeek.map((w) => w.decisions), backgroundColor: brand, yAxisID: 'count' },
      ],
    },
    options: {
      scales: {
        count: { position: 'left', beginAtZero: true, title: { display: true, text: 'Avgjort' } },
        rate: { position: 'right', grid: { drawOnChartArea: false }, ...percentAxis },
      },
    },
  });
}

export function unitChart(s: StatsResponse): HTMLCanvasElement {
  return chartCanvas('Foreslått og bekreftet per enhet', {
    type: 'bar',
    data: {
      labels: s.byUnit.map((u) => u.unitName),
      datasets: [
        { label: 'Foreslått og avgjort', data: s.byUnit.map((u) => u.decisions), backgroundColor: brand },
        { label: 'Bekreftet', data: s.byUnit.map((u) => u.accepted), backgroundColor: green },
        { label: 'Sendt hit', data: s.byUnit.map((u) => u.chosen), backgroundColor: grey },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } } },
  });
}

/** What staff chose per suggested action, stacked: the heat map table below gives the same as numbers. */
export function actionChart(s: StatsResponse): HTMLCanvasElement {
  const matrix = actionMatrix(s);
  const colours = [brand, orange, grey];
  return chartCanvas('Valgt handling per foreslått handling', {
    type: 'bar',
    data: {
      labels: matrix.rows.map((r) => String(r[0])),
      datasets: s.byAction.map((a, i) => ({ label: `Valgt: ${actionNames[a.action] ?? a.action}`, data: matrix.rows.map((r) => Number(r[i + 1])), backgroundColor: colours[i % colours.length]! })),
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } },
  });
}

export function thresholdChart(s: StatsResponse): HTMLCanvasElement {
  return chartCanvas('Andel som kunne vært behandlet og bekreftelsesrate per terskel', {
    type: 'line',
    data: {
      labels: s.thresholds.map((t) => t.threshold.toFixed(2).replace('.', ',')),
      datasets: [
        { label: 'Andel av alle (%)', data: s.thresholds.map((t) => percent(t.share)), borderColor: brand, backgroundColor: brand },
        { label: 'Bekreftelsesrate (%)', data: s.thresholds.map((t) => percent(t.confirmationRate)), borderColor: green, backgroundColor: green },
      ],
    },
    options: { scales: { y: percentAxis, x: { title: { display: true, text: 'Sikkerhet minst' } } } },
  });
}
