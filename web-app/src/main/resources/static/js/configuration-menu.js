// A configuration's menu: expand or collapse every entry, show or hide the entries without a prompt.
(() => {
  const menu = document.getElementById('menu');
  document.getElementById('menu-expand').addEventListener('click', () => menu.querySelectorAll('details').forEach(d => d.open = true));
  document.getElementById('menu-collapse').addEventListener('click', () => menu.querySelectorAll('details').forEach(d => d.open = false));
  const toggle = document.getElementById('show-hidden');
  const apply = () => menu.classList.toggle('show-hidden', toggle.checked);
  toggle.addEventListener('change', apply);
  apply();
})();
