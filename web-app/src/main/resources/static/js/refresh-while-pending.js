// Pages read from stored analysis results: while some are still being computed (an element with
// data-refresh-seconds), the page loads itself again after that many seconds, until none is left.
const pendingNotice = document.querySelector('[data-refresh-seconds]');
if (pendingNotice) {
  const seconds = Number(pendingNotice.dataset.refreshSeconds);
  if (Number.isFinite(seconds) && seconds > 0) setTimeout(() => location.reload(), seconds * 1000);
}
