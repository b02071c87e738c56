// The SLOC table's chart: make-cloc code per directory and configuration (data from #table-data, #table-columns).
const rows = JSON.parse(document.getElementById('table-data').textContent);
const names = JSON.parse(document.getElementById('table-columns').textContent);
const colours = ['#1f5fae', '#2e9d5b', '#c7721c', '#8a3fb5', '#b3261e', '#5d6878'];
new Chart(document.getElementById('table-chart'), {
  type: 'bar',
  data: { labels: rows.map(r => r.directory),
          datasets: names.map((n, i) => ({ label: n + ' (make-cloc code)', data: rows.map(r => r.cells[i].makeCloc.code),
                                          backgroundColor: colours[i % colours.length] })) },
  options: { maintainAspectRatio: false, animation: false }
});
