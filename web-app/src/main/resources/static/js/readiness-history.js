// Readiness history: gates passed, failed and not evaluated per release (data from the page's #history-data).
const verdicts = JSON.parse(document.getElementById('history-data').textContent);
new Chart(document.getElementById('history-chart'), {
  type: 'bar',
  data: { labels: verdicts.map(v => v.ref),
          datasets: [
            { label: 'gates passed', data: verdicts.map(v => v.error ? null : v.passed), backgroundColor: '#2e8b57' },
            { label: 'gates failed', data: verdicts.map(v => v.error ? null : v.failed), backgroundColor: '#c0392b' },
            { label: 'not evaluated', data: verdicts.map(v => v.error ? null : v.notEvaluated), backgroundColor: '#a0a8b4' }] },
  options: { maintainAspectRatio: false, animation: false,
             scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
             plugins: { tooltip: { callbacks: { footer: items => verdicts[items[0].dataIndex].error || (verdicts[items[0].dataIndex].ready ? 'READY' : 'NOT READY') } } } }
});
