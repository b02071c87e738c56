// The dashboard: trend charts across releases (data from #dash-trend, oldest release first) and, while results are
// being computed, a poll of their progress that reloads the page when one of them is stored or fails.
const palette = ['#1f5fae', '#b3261e', '#1e7a3c', '#8a5a00', '#6a3fa0', '#00838f'];
const trendData = document.getElementById('dash-trend');
const configurationNames = document.getElementById('dash-configurations');
if (trendData && configurationNames && typeof Chart !== 'undefined') {
  const trend = JSON.parse(trendData.textContent);
  const names = JSON.parse(configurationNames.textContent);
  const labels = trend.map(p => p.ref);
  const chart = (id, title, unit, field, stepped) => {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'line',
      data: { labels, datasets: names.map((name, i) => ({
        label: name, data: trend.map(p => (p[field] && p[field][name] !== undefined) ? p[field][name] : null),
        borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
        spanGaps: false, tension: .1, stepped: stepped ? 'middle' : false, pointRadius: 2 })) },
      options: { maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false },
        // one legend for the four charts (#trend-legend, same colours) and the titles are the figures' captions
        plugins: { title: { display: false, text: title + ' (' + unit + ')' }, legend: { display: false },
                   tooltip: { callbacks: { label: c => c.dataset.label + ': '
                     + (c.parsed.y === null ? 'not stored' : c.parsed.y.toLocaleString('en-US') + ' ' + unit) } } },
        scales: { x: { ticks: { font: { size: 10 }, maxRotation: 60, autoSkip: true } },
                  y: { beginAtZero: true, ticks: { font: { size: 10 } } } } }
    });
  };
  chart('trend-sloc', 'Compiled SLOC, make-cloc', 'code lines', 'makeCloc');
  chart('trend-effort', 'Effort at DAL A', 'hours', 'dalAHours');
  chart('trend-requirements', 'Covered requirements', 'requirements', 'covered');
  chart('trend-readiness', 'Readiness gates passed', 'gates', 'gatesPassed', true);
}
// While results are computed: poll, and reload once one more is stored or failed (never "undefined" on the page).
const section = document.getElementById('dashboard');
const progressUrl = section ? section.dataset.progress : '';
if (progressUrl) {
  let settled = null;
  const poll = () => fetch(progressUrl, { headers: { 'Accept': 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))).then(p => {
      if (!Number.isFinite(p.pending)) throw new Error('not a progress answer');
      const now = p.done + p.failed;
      if (settled === null) settled = now;
      if (now !== settled || p.pending === 0) { location.reload(); return; }
      setTimeout(poll, 1500);
    }).catch(() => setTimeout(poll, 3000));
  setTimeout(poll, 1500);
}
// Ingest jobs under way: their state and progress bar follow the job; the page reloads when one ends.
document.querySelectorAll('#ingest-jobs tr.job-row').forEach(row => {
  const state = row.dataset.state;
  if (state !== 'QUEUED' && state !== 'RUNNING') return;
  const poll = () => fetch(row.dataset.progress, { headers: { 'Accept': 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))).then(j => {
      if (typeof j.state !== 'string') throw new Error('not a job progress');
      const cell = row.querySelector('.job-state');
      cell.textContent = j.state;
      cell.className = 'job-state state-' + j.state;
      if (Number.isFinite(j.percent)) row.querySelector('.job-bar').style.width = j.percent + '%';
      if (j.state === 'QUEUED' || j.state === 'RUNNING') setTimeout(poll, 1000);
      else setTimeout(() => location.reload(), 500);
    }).catch(() => setTimeout(poll, 3000));
  poll();
});
