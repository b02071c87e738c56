// A requirement's code-link form: the function chosen by its start line also fills in the hidden function name.
(() => {
  const select = document.getElementById('link-function');
  if (!select) return;
  select.addEventListener('change', () => {
    select.form.function.value = select.options[select.selectedIndex].dataset.name;
  });
})();
