// A snapshot's code and comment lines per directory (data from the page's #directories-data).
const dirs = JSON.parse(document.getElementById('directories-data').textContent);
new Chart(document.getElementById('dir-chart'), {
  type: 'bar',
  data: { labels: dirs.map(d => d.name),
          datasets: [{ label: 'code', data: dirs.map(d => d.code), backgroundColor: '#1f5fae' },
                     { label: 'comment', data: dirs.map(d => d.comment), backgroundColor: '#8fb3e0' }] },
  options: { maintainAspectRatio: false, animation: false, indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } }
});
