/**
 * The case drill-down part of the report's script, inlined inside the script of `client.ts` (it
 * uses that script's helpers: `h`, `none`, `hidden`, `statusLabel`, `indicatorName`, `readable`,
 * `byId`, `data`). A case's findings, each with the events at fault apart from its context and
 * the deadline it missed or awaits; the case's timeline with those deadlines as rows between the
 * events; "Show in timeline" marks one finding's events there; "Print this case" prints the case
 * alone. Text is written with `textContent` only.
 *
 * A plain ES2017 string with no backticks, as `client.ts`.
 */
export const CASE_SCRIPT = String.raw`
  var MARK_FAULT = '\u2717';
  var MARK_CONTEXT = '\u25B6';
  var MARK_DEADLINE = '\u2691';

  function refOf(f) { return data.indicators[f[0]] ? data.indicators[f[0]].ref : '?'; }
  function shortName(f) {
    var ind = data.indicators[f[0]];
    return ind ? ind.ref + ' ' + (ind.title || ind.id) : '?';
  }
  function deadlineText(d) { return (d[2] ? 'Deadline missed: ' : 'Due by: ') + readableAt(d[0]); }

  function idList(c, list, cls, mark) {
    return h('ul', { 'class': 'ids ' + cls }, list.map(function (e) {
      return h('li', null, [mark ? h('span', { 'class': 'mark', 'aria-hidden': 'true', text: mark + ' ' }) : null,
        h('code', { text: c[6][e] ? c[6][e][0] : '?' })]);
    }));
  }

  function evidenceCell(c, f, k, id) {
    var faults = f[5] || [];
    var deadlines = f[6] || [];
    var context = f[3].filter(function (e) { return faults.indexOf(e) < 0; });
    var cell = h('td', { 'class': 'evidence' });
    if (faults.length > 0) {
      cell.appendChild(h('p', { 'class': 'mark-label fault', text: 'At fault' }));
      cell.appendChild(idList(c, faults, 'fault', MARK_FAULT));
    }
    deadlines.forEach(function (d) {
      cell.appendChild(h('p', { 'class': 'deadline-line' + (d[2] ? ' missed' : '') },
        [h('span', { 'aria-hidden': 'true', text: MARK_DEADLINE + ' ' }), deadlineText(d)]));
    });
    if (context.length > 0) {
      var marked = faults.length > 0 || deadlines.length > 0;
      cell.appendChild(h('p', { 'class': 'mark-label', text: marked ? 'Context' : 'Relied on' }));
      cell.appendChild(idList(c, context, 'context', ''));
    }
    if (f[3].length === 0 && deadlines.length === 0) cell.appendChild(none('no event cited'));
    if (f[3].length > 0 || deadlines.length > 0) {
      cell.appendChild(h('button', { type: 'button', 'class': 'highlight', 'aria-pressed': 'false',
        'data-finding': String(k), 'aria-controls': id + '-events',
        'aria-label': 'Show in timeline what ' + refOf(f) + ' relied on', text: 'Show in timeline' }));
    }
    return cell;
  }

  function findingsTable(c, id) {
    var rows = c[5].map(function (f, k) {
      return h('tr', { 'class': 'finding s-row-' + statuses[f[1]] }, [
        h('th', { scope: 'row' }, indicatorName(f[0])),
        h('td', null, [statusLabel(f[1])]),
        h('td', { 'class': 'explanation', text: typeof f[2] === 'number' ? data.strings[f[2]] : f[2] }),
        evidenceCell(c, f, k, id)
      ]);
    });
    return h('div', { 'class': 'findings-box' }, [h('table', { 'class': 'findings', id: id + '-findings' }, [
      h('caption', { text: 'Findings (' + c[5].length + ')' }),
      h('colgroup', null, ['c-ind', 'c-status', 'c-expl', 'c-ev'].map(function (k) { return h('col', { 'class': k }); })),
      h('thead', null, [h('tr', null, ['Indicator', 'Status', 'Explanation', 'Events: at fault, context'].map(function (t) {
        return h('th', { scope: 'col', text: t });
      }))]),
      h('tbody', null, rows)
    ])]);
  }

  function timelineRows(c, id) {
    var events = c[6];
    var timeline = events.length > 0 && events[0].length > 2;
    var citedBy = events.map(function () { return []; });
    var deadlinesAt = [];
    for (var p = 0; p <= events.length; p++) deadlinesAt.push([]);
    c[5].forEach(function (f, k) {
      var faults = f[5] || [];
      f[3].forEach(function (e) { if (citedBy[e]) citedBy[e].push([f, faults.indexOf(e) >= 0]); });
      (f[6] || []).forEach(function (d, j) {
        var at = Math.max(0, Math.min(events.length, d[1]));
        deadlinesAt[at].push([f, k, j, d]);
      });
    });
    // Several deadlines between the same two events: in date order (findings' order on a tie).
    deadlinesAt.forEach(function (list) {
      list.sort(function (a, b) { return a[3][0] < b[3][0] ? -1 : a[3][0] > b[3][0] ? 1 : a[1] - b[1] || a[2] - b[2]; });
    });
    var out = [];
    function deadlineRows(p) {
      deadlinesAt[p].forEach(function (x) {
        var f = x[0], d = x[3];
        out.push(h('tr', { 'class': 'deadline' + (d[2] ? ' missed' : ''), id: id + '-dl-' + x[1] + '-' + x[2] }, [
          h('td', { 'class': 'date', text: readableAt(d[0]) }),
          timeline ? h('td', null, [hidden('no event')]) : null,
          h('th', { scope: 'row' }, [h('span', { 'class': 'marker', 'aria-hidden': 'true', text: MARK_DEADLINE + ' ' }),
            (d[2] ? 'Deadline missed' : 'Due') + ' \u2014 ' + shortName(f)]),
          h('td', null, [h('span', { 'class': 'ref', text: refOf(f) })])
        ]));
      });
    }
    events.forEach(function (ev, k) {
      deadlineRows(k);
      var refs = h('td', { 'class': 'cited' });
      citedBy[k].forEach(function (x, n) {
        if (n > 0) refs.appendChild(document.createTextNode(' '));
        refs.appendChild(h('span', { 'class': 'ref' + (x[1] ? ' fault-ref' : '') },
          [x[1] ? h('span', { 'aria-hidden': 'true', text: MARK_FAULT }) : null, refOf(x[0]),
            x[1] ? hidden(' (at fault)') : null]));
      });
      if (citedBy[k].length === 0) refs.appendChild(none('no finding'));
      out.push(h('tr', { id: id + '-ev-' + k, 'class': 'event' }, [
        h('td', { 'class': 'date' }, [ev[1] ? h('span', { text: readable(ev[1]) }) : none('not stated')]),
        timeline ? h('td', { 'class': 'num' }, [ev[3] === null ? none('before receipt') : h('span', { text: String(ev[3]) })]) : null,
        h('th', { scope: 'row' }, [h('span', { 'class': 'marker', 'aria-hidden': 'true' }),
          timeline ? h('span', { 'class': 'type', text: data.strings[ev[2]] }) : null, h('code', { text: ev[0] })]),
        refs
      ]));
    });
    deadlineRows(events.length);
    return { rows: out, timeline: timeline };
  }

  function timelineBox(c, id) {
    var t = timelineRows(c, id);
    var heads = t.timeline ? ['Local date', 'Working days since receipt', 'Event', 'Cited by'] : ['Date', 'Event', 'Cited by'];
    var cols = t.timeline ? ['c-date', 'c-wd', 'c-event', 'c-cited'] : ['c-date', 'c-event', 'c-cited'];
    return h('div', { 'class': 'events' }, [
      h('table', { id: id + '-events', 'class': 'timeline' }, [
        h('caption', { text: (t.timeline ? 'Timeline (' : 'Events the findings cite (') + c[6].length + ' events)' }),
        h('colgroup', null, cols.map(function (k) { return h('col', { 'class': k }); })),
        h('thead', null, [h('tr', null, heads.map(function (x) { return h('th', { scope: 'col', text: x }); }))]),
        h('tbody', null, t.rows.length ? t.rows : [h('tr', null, [h('td', { colspan: String(heads.length), text: 'No finding cites an event.' })])])
      ]),
      h('p', { 'class': 'note', 'aria-live': 'polite', id: id + '-hl' }),
      h('p', { 'class': 'note legend' }, [
        MARK_FAULT + ' at fault: the event that broke the standard (a late reply, a letter without what it needed). ',
        MARK_DEADLINE + ' a deadline, missed or due, between the events. Other events a finding relied on are its context. ',
        t.timeline ? 'Every event of the case in time order, with its local date and the working days since receipt (paused days excluded).' :
          'In time order as far as the findings state it: the report holds findings, not events.'
      ])
    ]);
  }

  function detail(i) {
    var c = data.cases[i];
    var id = 'case-' + i;
    var facts = ['Worst finding: ', statusLabel(c[1]), '. ',
      c[2] ? 'Received ' + readable(c[2]) + '. ' : 'Receipt date not in the report. ',
      data.files[c[3]] !== undefined ? 'Read from ' + data.files[c[3]] + ':' + c[4] + '.' : ''];
    var td = h('td', { colspan: '5' }, [h('div', { 'class': 'case-detail' }, [
      h('div', { 'class': 'head' }, [
        h('h3', { id: id + '-h', text: 'Case ' + c[0] }),
        h('p', null, facts),
        h('button', { type: 'button', 'class': 'print-case', 'data-case': String(i), text: 'Print this case' })
      ]),
      findingsTable(c, id),
      timelineBox(c, id)
    ])]);
    return h('tr', { 'class': 'detail', id: id + '-detail' }, [td]);
  }

  function setMark(row, cls, text, note) {
    row.classList.add(cls);
    var marker = row.querySelector('.marker');
    if (marker) marker.textContent = text;
    row.querySelector('th').appendChild(h('span', { 'class': 'visually-hidden hl-note', text: note }));
  }

  function highlight(button) {
    var box = button.closest('.case-detail');
    var i = Number(button.closest('tr.detail').id.replace(/^case-(\d+)-detail$/, '$1'));
    var c = data.cases[i];
    var id = 'case-' + i;
    var k = Number(button.getAttribute('data-finding'));
    var on = button.getAttribute('aria-pressed') !== 'true';
    box.querySelectorAll('button.highlight').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    box.querySelectorAll('.timeline tr').forEach(function (row) {
      row.classList.remove('hl', 'fault', 'hl-deadline');
      var note = row.querySelector('.hl-note');
      if (note) note.remove();
      var marker = row.classList.contains('event') ? row.querySelector('.marker') : null;
      if (marker) marker.textContent = '';
    });
    var f = c[5][k];
    var faults = f[5] || [];
    var ref = refOf(f);
    if (on) {
      f[3].forEach(function (e) {
        var row = byId(id + '-ev-' + e);
        if (!row) return;
        row.classList.add('hl');
        if (faults.indexOf(e) >= 0) setMark(row, 'fault', MARK_FAULT + ' ', ' (at fault, ' + ref + ')');
        else setMark(row, 'hl', MARK_CONTEXT + ' ', ' (context, ' + ref + ')');
      });
      (f[6] || []).forEach(function (d, j) {
        var row = byId(id + '-dl-' + k + '-' + j);
        if (row) row.classList.add('hl-deadline');
      });
      button.setAttribute('aria-pressed', 'true');
    }
    var ids = function (list) { return list.map(function (e) { return c[6][e][0]; }).join(', '); };
    var context = f[3].filter(function (e) { return faults.indexOf(e) < 0; });
    byId(id + '-hl').textContent = on
      ? 'Shown for ' + ref + ': ' +
        (faults.length ? MARK_FAULT + ' at fault ' + ids(faults) + '; ' : '') +
        ((f[6] || []).length ? (f[6] || []).map(deadlineText).join('; ') + '; ' : '') +
        (context.length ? MARK_CONTEXT + ' context ' + ids(context) + '.' : '')
      : '';
  }

  function printCase(button) {
    var row = byId('case-' + button.getAttribute('data-case') + '-detail');
    if (!row) return;
    row.classList.add('print-target');
    document.body.setAttribute('data-print-case', '');
    window.print();
  }
  window.addEventListener('afterprint', function () {
    document.body.removeAttribute('data-print-case');
    document.querySelectorAll('tr.print-target').forEach(function (r) { r.classList.remove('print-target'); });
  });
`;
