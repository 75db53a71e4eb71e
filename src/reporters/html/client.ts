import { CASE_SCRIPT } from './client-case.js';

/**
 * The report's own script (no framework, no network), inlined as a string. It reads the embedded
 * JSON block, lists the cases that match the filters a page at a time, and builds a case's
 * drill-down (`client-case.ts`) only when the case is opened. It writes text with `textContent` and
 * attributes with `setAttribute`, never markup, so no string from the report can run.
 *
 * Kept as a plain ES2017 string (no backticks, no template substitutions) so that it reaches the
 * page exactly as written, whatever bundles the library.
 */
export const CLIENT_SCRIPT =
  String.raw`(function () {
  'use strict';
  var dataEl = document.getElementById('report-data');
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var WORDS = { pass: 'Pass', fail: 'Fail', error: 'Error', insufficient_evidence: 'Insufficient evidence',
    pending: 'Pending', not_applicable: 'Not applicable' };
  var SYMBOLS = { pass: '\u2713', fail: '\u2717', error: '!', insufficient_evidence: '?', pending: '\u2026',
    not_applicable: '\u2013' };
  var PAGE = Number(document.body.getAttribute('data-page-size')) || 100;
  var MAX_REFS = 5;
  var statuses = data.statuses;
  var FAIL = statuses.indexOf('fail');
  var ERROR = statuses.indexOf('error');
  var byId = function (id) { return document.getElementById(id); };
  var form = byId('filters');
  var fStatus = byId('f-status');
  var fIndicator = byId('f-indicator');
  var fCase = byId('f-case');
  var rows = byId('case-rows');
  var more = byId('more');
  var count = byId('cases-count');
  var matchHead = byId('match-head');
  var heading = byId('cases-h');
  var indicatorIndex = {};
  data.indicators.forEach(function (ind, k) { indicatorIndex[ind.ref] = k; });
  var matches = [];
  var shown = 0;
  var filter = { status: '', ind: -1, text: '', active: false };
  var fmt = function (n) { return n.toLocaleString('en-GB'); };

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') el.textContent = attrs[k];
        else el.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }
  function hidden(text) { return h('span', { 'class': 'visually-hidden', text: text }); }
  function none(what) { return h('span', { 'class': 'note' }, ['\u2014', hidden(what)]); }
  function statusLabel(s) {
    var name = statuses[s];
    return h('span', { 'class': 'status s-' + name },
      [h('span', { 'class': 'sym', 'aria-hidden': 'true', text: SYMBOLS[name] }), ' ' + WORDS[name]]);
  }
  function indicatorName(k) {
    var ind = data.indicators[k];
    if (!ind) return ['?'];
    return [h('span', { 'class': 'ref', text: ind.ref }), ' ', h('span', { 'class': 'title', text: ind.title || ind.id }),
      ' ', h('span', { 'class': 'slug', text: ind.id })];
  }
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // "2024-12-05" as "Thu 5 Dec 2024", by arithmetic on the date as written (no zone, no locale).
  function readable(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return iso;
    var d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) return iso;
    return DAYS[d.getUTCDay()] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + m[1];
  }
  // A deadline: its local date, and its time of day when it is not the end of the day.
  function readableAt(iso) {
    var m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
    if (!m) return iso;
    var day = readable(m[1]);
    return m[2] === undefined || (m[2] === '23' && m[3] === '59') ? day : day + ', ' + m[2] + ':' + m[3];
  }
  function statusMatches(s) {
    if (filter.status === '') return true;
    if (filter.status === 'failing') return s === FAIL || s === ERROR;
    return statuses[s] === filter.status;
  }
  function findingMatches(f) {
    return (filter.ind < 0 || f[0] === filter.ind) && statusMatches(f[1]);
  }
  function isFailing(f) { return f[1] === FAIL || f[1] === ERROR; }

  function readFilters() {
    var ref = fIndicator.value;
    filter = {
      status: fStatus.value,
      ind: ref === '' ? -1 : (Object.prototype.hasOwnProperty.call(indicatorIndex, ref) ? indicatorIndex[ref] : -2),
      text: fCase.value.trim().toLowerCase(),
      active: false
    };
    filter.active = filter.status !== '' || filter.ind !== -1;
  }

  var applied = null;
  function apply() {
    readFilters();
    // The same filters again (a change event after the input event did the work): keep the list,
    // and any case opened in it, as it is.
    var key = JSON.stringify(filter);
    if (key === applied) return;
    applied = key;
    matches = [];
    for (var i = 0; i < data.cases.length; i++) {
      var c = data.cases[i];
      if (filter.text && c[0].toLowerCase().indexOf(filter.text) < 0) continue;
      if (filter.active && !c[5].some(findingMatches)) continue;
      matches.push(i);
    }
    matchHead.textContent = filter.active ? 'Matching findings' : 'Failing indicators';
    rows.textContent = '';
    shown = 0;
    if (matches.length === 0) {
      rows.appendChild(h('tr', null, [h('td', { colspan: '5', text: 'No case matches these filters.' })]));
    }
    renderMore();
  }

  function describeFilters() {
    var parts = [];
    if (filter.status !== '') {
      parts.push(filter.status === 'failing' ? 'a fail or an error' : 'status ' + WORDS[filter.status]);
    }
    if (filter.ind >= 0) {
      var ind = data.indicators[filter.ind];
      parts.push((filter.status === '' ? 'a finding' : '') + ' on ' + ind.ref + ' ' + (ind.title || ind.id));
    }
    if (filter.text) parts.push('case id containing \u201c' + fCase.value.trim() + '\u201d');
    return parts.length === 0 ? '' : ' with ' + parts.join(', ').replace(/^ /, '');
  }

  function updateCount() {
    count.textContent = 'Showing ' + fmt(shown) + ' of ' + fmt(matches.length) + ' matching cases' +
      describeFilters() + ' (' + (data.cases.length === data.judged ? fmt(data.judged) + ' judged' :
      fmt(data.cases.length) + ' listed here of ' + fmt(data.judged) + ' judged') + ').';
    var left = matches.length - shown;
    more.hidden = left <= 0;
    more.textContent = 'Show ' + fmt(Math.min(PAGE, left)) + ' more cases (' + fmt(left) + ' not shown)';
  }

  function renderMore() {
    var end = Math.min(matches.length, shown + PAGE);
    var frag = document.createDocumentFragment();
    var first = null;
    for (var k = shown; k < end; k++) {
      var row = caseRow(matches[k]);
      if (!first) first = row;
      frag.appendChild(row);
    }
    rows.appendChild(frag);
    shown = end;
    updateCount();
    return first;
  }

  function refList(c) {
    var picked = c[5].filter(filter.active ? findingMatches : isFailing);
    if (picked.length === 0) return none(filter.active ? 'no matching finding' : 'none failing');
    var ul = h('ul', { 'class': 'refs' });
    picked.slice(0, MAX_REFS).forEach(function (f) {
      var ind = data.indicators[f[0]];
      var name = statuses[f[1]];
      ul.appendChild(h('li', null, [
        h('span', { 'class': 'status s-' + name }, [h('span', { 'class': 'sym', 'aria-hidden': 'true', text: SYMBOLS[name] })]),
        ' ', h('span', { 'class': 'ref', text: ind ? ind.ref : '?' }), ' ' + WORDS[name]
      ]));
    });
    if (picked.length > MAX_REFS) ul.appendChild(h('li', { 'class': 'note', text: 'and ' + (picked.length - MAX_REFS) + ' more' }));
    return ul;
  }

  function source(c) {
    var file = data.files[c[3]];
    return file === undefined ? none('not known') : h('code', { text: file + ':' + c[4] });
  }

  function caseRow(i) {
    var c = data.cases[i];
    var button = h('button', { type: 'button', 'class': 'case-toggle', 'aria-expanded': 'false',
      'aria-controls': 'case-' + i + '-detail', 'data-case': String(i), text: c[0] });
    return h('tr', { 'data-case': String(i) }, [
      h('th', { scope: 'row' }, [button]),
      h('td', null, [statusLabel(c[1])]),
      h('td', null, [c[2] ? h('time', { datetime: c[2], text: readable(c[2]) }) : none('not recorded')]),
      h('td', null, [refList(c)]),
      h('td', null, [source(c)])
    ]);
  }

  ` +
  CASE_SCRIPT +
  // biome-ignore lint/complexity/noUselessStringRaw: raw like the rest, so that an escape added later reaches the page as written
  String.raw`

  function toggleCase(button) {
    var i = Number(button.getAttribute('data-case'));
    var tr = button.closest('tr');
    var open = button.getAttribute('aria-expanded') === 'true';
    if (open) {
      var d = byId('case-' + i + '-detail');
      if (d) d.remove();
      button.setAttribute('aria-expanded', 'false');
    } else {
      tr.after(detail(i));
      button.setAttribute('aria-expanded', 'true');
    }
  }

  rows.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var toggle = t.closest('button.case-toggle');
    if (toggle) { toggleCase(toggle); return; }
    var hl = t.closest('button.highlight');
    if (hl) { highlight(hl); return; }
    var print = t.closest('button.print-case');
    if (print) printCase(print);
  });
  more.addEventListener('click', function () {
    var first = renderMore();
    if (first) { var b = first.querySelector('button'); if (b) b.focus(); }
  });
  var timer = 0;
  form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  form.addEventListener('change', function () { clearTimeout(timer); apply(); });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); clearTimeout(timer); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    var link = t instanceof Element ? t.closest('a.list-failing') : null;
    if (!link) return;
    ev.preventDefault();
    fStatus.value = 'failing';
    fIndicator.value = link.getAttribute('data-indicator');
    fCase.value = '';
    apply();
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  });
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details.words, details.provenance'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
  apply();
  document.body.setAttribute('data-ready', 'true');
  if (window.performance && performance.mark) performance.mark('report-ready');
})();
`;
