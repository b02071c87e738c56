// Readiness history: gates passed per release, one line per configuration (data from the page's #history-data);
// a release that is not evaluated (being computed, or failed) is a gap, and the tooltip says the verdict.
const releases = JSON.parse(document.getElementById('history-data').textContent);
const colours = ['#1f5fae', '#c7721c', '#2e9d5b', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];
const configurations = releases.length ? releases[0].cells.map(c => c.configuration) : [];
new Chart(document.getElementById('history-chart'), {
  type: 'line',
  data: { labels: releases.map(r => r.ref),
          datasets: configurations.map((name, k) => ({
            label: name + ': gates passed', borderColor: colours[k % colours.length], stepped: true, spanGaps: false,
            data: releases.map(r => r.cells[k].passed),
            pointStyle: releases.map(r => r.cells[k].verdict === 'READY' ? 'circle' : 'crossRot'),
            pointRadius: releases.map(r => r.cells[k].verdict === 'READY' ? 4 : 6) })) },
  options: { maintainAspectRatio: false, animation: false,
             scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
             plugins: { tooltip: { callbacks: { afterLabel: item => {
               const cell = releases[item.dataIndex].cells[item.datasetIndex];
               return cell.verdict + ' (' + cell.failed + ' failed, ' + cell.notEvaluated + ' not evaluated)'; } } } } }
});
