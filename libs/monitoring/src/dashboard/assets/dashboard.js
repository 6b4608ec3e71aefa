// The leaders' dashboard (领导看板): signs in with the service's accounts, reads the figures from
// /api/v1/monitoring, draws them with Chart.js and follows live changes over server-sent events.
(function () {
  'use strict';

  var API = '/api/v1';
  var TOKEN_KEY = 'governance.dashboard.token';
  var REFRESH_DEBOUNCE_MS = 400;
  var MAX_ALERTS = 50;

  var state = { token: null, stream: null, refreshTimer: null, loading: null, again: false, charts: { daily: null, histogram: null } };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  // ---- formatting ----
  function percent(rate) { return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%'; }
  function duration(minutes) {
    if (minutes === null || minutes === undefined) return '—';
    if (minutes < 60) return Math.round(minutes) + ' min';
    var hours = minutes / 60;
    return (hours < 10 ? hours.toFixed(1) : Math.round(hours)) + ' h';
  }
  function when(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? iso : date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  function claimsOf(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch {
      return {};
    }
  }

  // ---- HTTP ----
  function api(path) {
    return fetch(API + path, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } }).then(function (response) {
      if (response.status === 401) {
        signOut('Your sign-in has expired; please sign in again.');
        throw new Error('signed out');
      }
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.message ? String(body.message) : 'HTTP ' + response.status);
        return body;
      });
    });
  }

  // ---- sign-in ----
  function showSignIn(message) {
    $('board').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').hidden = !message;
    $('sign-in-error').textContent = message || '';
    $('username').focus();
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    if (state.stream) state.stream.close();
    state.stream = null;
    setLive('off');
    showSignIn(message);
  }

  function onSignIn(event) {
    event.preventDefault();
    var body = { username: $('username').value.trim(), password: $('password').value };
    fetch(API + '/auth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error(response.status === 401 ? 'Username or password is wrong.' : String(answer.message || 'Sign-in failed.'));
          return answer;
        });
      })
      .then(function (answer) {
        $('password').value = '';
        sessionStorage.setItem(TOKEN_KEY, answer.accessToken);
        start(answer.accessToken);
      })
      .catch(function (error) { showSignIn(error.message); });
  }

  function start(token) {
    state.token = token;
    var claims = claimsOf(token);
    $('who-name').textContent = (claims.name || '') + (claims.role ? ' · ' + claims.role : '');
    $('who').hidden = false;
    $('sign-in').hidden = true;
    $('board').hidden = false;
    refresh();
    connect();
  }

  // ---- figures ----
  function refresh() {
    if (state.loading) {
      state.again = true;
      return state.loading;
    }
    state.loading = Promise.all([api('/monitoring/me' + periodQuery()), api('/monitoring/overdue')])
      .then(function (answers) {
        $('board-error').hidden = true;
        renderFigures(answers[0]);
        renderOverdue(answers[1]);
        document.body.setAttribute('data-loaded', String(Date.now()));
      })
      .catch(function (error) {
        if (!state.token) return;
        $('board-error').textContent = 'Could not load the figures: ' + error.message;
        $('board-error').hidden = false;
      })
      .then(function () {
        state.loading = null;
        if (state.again) {
          state.again = false;
          refresh();
        }
      });
    return state.loading;
  }

  /** The last N county days (UTC+8, the county's time) up to today; the server checks and names a bad one. */
  function periodQuery() {
    var days = Number($('period-days').value) || 30;
    var county = Date.now() + 8 * 3600 * 1000;
    var day = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
    return '?from=' + day(county - (days - 1) * 86400000) + '&to=' + day(county);
  }

  function refreshSoon() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refresh, REFRESH_DEBOUNCE_MS);
  }

  function figureRow(figures, label, isTotal) {
    var c = figures.counts;
    var cells = [
      el(isTotal ? 'td' : 'th', { scope: 'row', text: label }),
      el('td', { class: 'num', 'data-count': 'filed', text: String(c.filed) }),
      el('td', { class: 'num', 'data-count': 'open', text: String(c.open) }),
      el('td', { class: 'num' + (c.overdue > 0 ? ' bad' : ''), 'data-count': 'overdue', text: String(c.overdue) }),
      el('td', { class: 'num', 'data-count': 'resolved', text: String(c.resolved) }),
      el('td', { class: 'num', text: percent(figures.rates.response) }),
      el('td', { class: 'num', text: percent(figures.rates.resolution) }),
      el('td', { class: 'num', text: percent(figures.rates.satisfaction) }),
      el('td', { class: 'num', text: duration(figures.resolveTime.medianMinutes) }),
      el('td', { class: 'num', text: duration(figures.resolveTime.p90Minutes) }),
    ];
    return el('tr', { 'data-grid': isTotal ? 'total' : figures.scope.code }, cells);
  }

  function renderFigures(me) {
    var body = document.querySelector('#grids tbody');
    var foot = document.querySelector('#grids tfoot');
    body.replaceChildren.apply(body, me.grids.map(function (g) { return figureRow(g, g.scope.name || g.scope.code, false); }));
    if (me.grids.length === 0) body.replaceChildren(el('tr', {}, [el('td', { colspan: '10', text: 'No grids are assigned to you.' })]));
    foot.replaceChildren(figureRow(me.total, 'All your grids', true));
    if (me.period) $('period').textContent = me.period.from.slice(0, 10) + ' – ' + me.period.to.slice(0, 10);
    drawDaily(me.total.daily || []);
    drawHistogram(me.total.resolveTimeHistogram || []);
  }

  function drawDaily(daily) {
    var labels = daily.map(function (d) { return d.day.slice(5, 10); });
    var filed = daily.map(function (d) { return d.filed; });
    var resolved = daily.map(function (d) { return d.resolved; });
    var chart = state.charts.daily;
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets[0].data = filed;
      chart.data.datasets[1].data = resolved;
      chart.update();
      return;
    }
    state.charts.daily = new Chart($('daily-chart'), {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: 'Filed (受理)', data: filed, backgroundColor: '#1f6feb' },
          { label: 'Resolved (办结)', data: resolved, backgroundColor: '#2e7d32' },
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxRotation: 0, autoSkip: true } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }

  function bucketLabel(bucket) {
    if (bucket.toMinutes === null || bucket.toMinutes === undefined) return '≥ ' + duration(bucket.fromMinutes);
    return duration(bucket.fromMinutes) + '–' + duration(bucket.toMinutes);
  }

  function drawHistogram(buckets) {
    var labels = buckets.map(bucketLabel);
    var counts = buckets.map(function (b) { return b.count; });
    var chart = state.charts.histogram;
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets[0].data = counts;
      chart.update();
      return;
    }
    state.charts.histogram = new Chart($('histogram-chart'), {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'Requests resolved', data: counts, backgroundColor: '#7b61ff' }] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { title: { display: true, text: 'working time to resolve' } } },
        plugins: { legend: { display: false } },
      },
    });
  }

  function renderOverdue(list) {
    var items = Array.isArray(list) ? list : list.items || [];
    var body = document.querySelector('#overdue tbody');
    if (items.length === 0) {
      body.replaceChildren(el('tr', {}, [el('td', { colspan: '5', text: 'Nothing is overdue or near its deadline.' })]));
      return;
    }
    body.replaceChildren.apply(body, items.map(function (item) {
      var overdue = item.state ? item.state === 'overdue' : item.overdue === true;
      var what = (item.kind === 'assignment' ? (item.departmentCode || 'department') + ' · ' : '') +
        (item.deadline === 'claim' ? 'claim' : 'resolve') + (item.title ? ': ' + item.title : '');
      return el('tr', { 'data-request': item.requestId }, [
        el('td', {}, [el('span', { class: 'state ' + (overdue ? 'overdue' : 'near'), text: overdue ? 'overdue 超期' : 'near 临期' })]),
        el('td', { text: item.trackingNo }),
        el('td', { text: item.gridCode }),
        el('td', { text: what }),
        el('td', { text: when(item.dueAt) }),
      ]);
    }));
  }

  // ---- live ----
  function setLive(mode) {
    var live = $('live');
    live.setAttribute('data-state', mode);
    live.textContent = mode === 'on' ? 'live' : mode === 'retry' ? 'reconnecting…' : 'offline';
  }

  function addAlert(alert) {
    var list = $('alerts');
    var empty = list.querySelector('.empty');
    if (empty) empty.remove();
    var text = (alert.alert === 'breach' ? 'Deadline breached (超期): ' : 'Deadline near (临期): ') +
      (alert.title || alert.requestId) + ' in ' + alert.gridCode + ', due ' + when(alert.dueAt);
    var item = el('li', { class: 'fresh', 'data-alert': alert.alert, text: text });
    list.insertBefore(item, list.firstChild);
    while (list.children.length > MAX_ALERTS) list.removeChild(list.lastChild);
  }

  function connect() {
    if (state.stream) state.stream.close();
    var stream = new EventSource(API + '/monitoring/stream?access_token=' + encodeURIComponent(state.token));
    state.stream = stream;
    stream.onopen = function () { setLive('on'); };
    stream.onerror = function () {
      // EventSource retries by itself; a closed stream usually means the token expired.
      setLive(stream.readyState === EventSource.CLOSED ? 'off' : 'retry');
      if (stream.readyState === EventSource.CLOSED && state.token) refresh();
    };
    stream.addEventListener('update', refreshSoon);
    stream.addEventListener('alert', function (event) {
      try {
        addAlert(JSON.parse(event.data));
      } catch {
        return;
      }
      refreshSoon();
    });
  }

  // ---- start ----
  document.addEventListener('DOMContentLoaded', function () {
    $('sign-in-form').addEventListener('submit', onSignIn);
    $('sign-out').addEventListener('click', function () { signOut(); });
    $('period-days').addEventListener('change', function () { refresh(); });
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token) start(token);
    else showSignIn();
  });
  // For tests and the curious: the Chart instances the page drew.
  window.dashboard = { charts: state.charts, refresh: refresh };
})();
