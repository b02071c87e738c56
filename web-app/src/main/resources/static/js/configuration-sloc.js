// A configuration's three figures per directory (data from the page's #directories-data).
const dirs = JSON.parse(document.getElementById('directories-data').textContent);
new Chart(document.getElementById('dir-chart'), {
  type: 'bar',
  data: { labels: dirs.map(d => d.directory),
          datasets: [{ label: 'make-cloc code', data: dirs.map(d => d.makeCloc.code), backgroundColor: '#1f5fae' },
                     { label: 'with headers code', data: dirs.map(d => d.withHeaders.code), backgroundColor: '#8fb3e0' },
                     { label: 'active code', data: dirs.map(d => d.activeLines.code), backgroundColor: '#2e9d5b' }] },
  options: { maintainAspectRatio: false, animation: false }
});
