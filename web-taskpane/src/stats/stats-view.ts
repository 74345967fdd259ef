import { h } from '../dom';
import { display, heat, toCsv, type Figure, type Table } from './stats-data';

export function figuresView(figures: Figure[]): HTMLElement {
  return h(
    'dl',
    { class: 'figures' },
    figures.map((f) =>
      h('div', { class: 'figure' }, h('dt', {}, f.label), h('dd', { 'data-testid': f.id, 'data-value': f.raw === null ? '' : String(f.raw) }, f.value)),
    ),
  );
}

/** The table behind a chart, or a heat map when `heatMap` (each count cell shaded by its size), with its CSV download. */
export function tableView(table: Table, period: string, heatMap = false): HTMLElement {
  const max = heatMap ? Math.max(0, ...table.rows.flatMap((r) => r.filter((v): v is number => typeof v === 'number'))) : 0;
  const cell = (value: Table['rows'][number][number], index: number) => {
    const kind = table.columns[index]!.kind;
    if (index === 0) return h('th', { scope: 'row' }, display(kind, value));
    const shade = heatMap && typeof value === 'number' ? ` heat-${heat(value, max)}` : '';
    return h('td', { class: `${kind === 'text' ? 'text' : 'number'}${shade}` }, display(kind, value));
  };
  const download = h('button', { type: 'button', class: 'button' }, 'Last ned CSV');
  download.addEventListener('click', () => saveCsv(table, period));
  return h(
    'div',
    { class: 'table-block' },
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: heatMap ? 'data heat-map' : 'data', 'data-testid': `table-${table.id}` },
        h('caption', {}, table.caption),
        h('thead', {}, h('tr', {}, table.columns.map((c, i) => h('th', { scope: 'col', class: i === 0 || c.kind === 'text' ? 'text' : 'number' }, c.label)))),
        h('tbody', {}, table.rows.length === 0 ? h('tr', {}, h('td', { colspan: String(table.columns.length) }, 'Ingen i perioden.')) : table.rows.map((row) => h('tr', {}, row.map(cell)))),
      ),
    ),
    download,
  );
}

function saveCsv(table: Table, period: string): void {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: `mailassist-${table.id}-${period}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
