// A configuration across releases: make-cloc SLOC, active lines and DAL A hours (data from #trend-data).
const pts = JSON.parse(document.getElementById('trend-data').textContent);
new Chart(document.getElementById('trend-chart'), {
  data: { labels: pts.map(p => p.ref),
          datasets: [{ type: 'line', label: 'make-cloc SLOC', data: pts.map(p => p.makeCloc), borderColor: '#1f5fae', yAxisID: 'y' },
                     { type: 'line', label: 'active lines', data: pts.map(p => p.activeLines), borderColor: '#2e9d5b', yAxisID: 'y' },
                     { type: 'bar', label: 'DAL A hours', data: pts.map(p => p.dalAHours), backgroundColor: 'rgba(199,114,28,.35)', yAxisID: 'h' }] },
  options: { maintainAspectRatio: false, animation: false,
             scales: { y: { position: 'left', beginAtZero: true }, h: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } }
});
