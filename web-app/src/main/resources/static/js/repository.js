// A repository: code lines per snapshot (data from #trend-data) and the live progress of its ingest jobs.
const trend = JSON.parse(document.getElementById('trend-data').textContent);
new Chart(document.getElementById('trend-chart'), {
  type: 'line',
  data: { labels: trend.map(p => p.ref),
          datasets: [{ label: 'code lines (cloc)', data: trend.map(p => p.code), borderColor: '#1f5fae',
                       backgroundColor: 'rgba(31,95,174,.15)', fill: true, tension: .15 }] },
  options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
});
// Live progress: poll each active job until it ends, then reload to show the new snapshots. A
// figure the answer lacks keeps what the row shows: never "undefined" or "NaN".
const count = (v, fallback) => Number.isFinite(v) ? v.toLocaleString('en-US') : fallback;
document.querySelectorAll('tr.job-row').forEach(row => {
  const state = row.dataset.state;
  if (state !== 'QUEUED' && state !== 'RUNNING') return;
  const files = row.querySelector('.job-files');
  const poll = () => fetch(row.dataset.progress, { headers: { 'Accept': 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))).then(j => {
      if (typeof j.state !== 'string') throw new Error('not a job progress');
      row.querySelector('.job-state').textContent = j.state;
      row.querySelector('.job-state').className = 'job-state state-' + j.state;
      if (Number.isFinite(j.percent)) row.querySelector('.job-bar').style.width = j.percent + '%';
      files.textContent = count(j.filesDone, '0') + ' / ' + count(j.filesTotal, '0') + ' files, ref '
        + count(j.refsDone, '0') + ' / ' + count(j.refsTotal, '0');
      row.querySelector('.job-ref').textContent = j.currentRef || '';
      row.querySelector('.job-rate').textContent = count(Math.round(j.filesPerSecond), '0');
      row.querySelector('.job-message').textContent = j.message || '';
      if (j.state === 'QUEUED' || j.state === 'RUNNING') setTimeout(poll, 700);
      else setTimeout(() => location.reload(), 500);
    }).catch(() => setTimeout(poll, 2000));
  poll();
});
