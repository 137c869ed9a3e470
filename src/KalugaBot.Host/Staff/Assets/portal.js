// Staff portal behaviour: open transcripts scrolled to the end; confirm destructive actions.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-scroll-end]').forEach(el => { el.scrollTop = el.scrollHeight; });
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', e => { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
  });
});
