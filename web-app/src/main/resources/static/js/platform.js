// On every page (the layout loads it): links marked data-history-back go back in the browser's history, since the
// Content-Security-Policy forbids javascript: URLs and inline handlers.
document.addEventListener('click', event => {
  const link = event.target.closest('a[data-history-back]');
  if (link) {
    event.preventDefault();
    history.back();
  }
});
