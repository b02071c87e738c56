// Exports: poll each active export until it ends, then reload to show its file (base URL from #exports' data-base).
document.querySelectorAll('tr.export-row').forEach(row => {
  const state = row.dataset.state;
  if (state !== 'QUEUED' && state !== 'RUNNING') return;
  const url = document.getElementById('exports').dataset.base;
  const poll = () => fetch(url + row.dataset.export + '/progress', { headers: { 'Accept': 'application/json' } })
    .then(r => r.json()).then(j => {
      row.querySelector('.export-state').textContent = j.state;
      row.querySelector('.export-state').className = 'export-state state-' + j.state;
      const bar = row.querySelector('.export-bar');
      if (bar) bar.style.width = j.percent + '%';
      row.querySelector('.export-step').textContent = j.state === 'FAILED' ? j.message : j.step;
      if (j.state === 'QUEUED' || j.state === 'RUNNING') setTimeout(poll, 700);
      else setTimeout(() => location.reload(), 300);
    }).catch(() => setTimeout(poll, 2000));
  poll();
});
