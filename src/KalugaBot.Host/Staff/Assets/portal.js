// Staff portal behaviour: open transcripts scrolled to the end; confirm destructive actions.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-scroll-end]').forEach(el => { el.scrollTop = el.scrollHeight; });
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', e => { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
  });
});

// Live hand-off: poll for new relay messages; text goes in with textContent, never innerHTML.
document.addEventListener('DOMContentLoaded', () => {
  const chat = document.querySelector('[data-poll]');
  if (chat) {
    let after = Number(chat.dataset.after || 0);
    const poll = async () => {
      try {
        const response = await fetch(chat.dataset.poll + '&after=' + after, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const data = await response.json();
          for (const m of data.messages) {
            const div = document.createElement('div');
            div.className = 'msg ' + (m.from === 'agent' ? 'agent' : 'user');
            const text = document.createElement('div'); text.className = 'text'; text.textContent = m.text;
            const meta = document.createElement('div'); meta.className = 'meta'; meta.textContent = m.sender + ' · ' + m.time;
            div.append(text, meta); chat.append(div);
            after = Math.max(after, m.sequence);
            chat.scrollTop = chat.scrollHeight;
          }
          const state = document.getElementById('handoff-state');
          if (state) state.textContent = data.state;
        }
      } catch { /* offline for a moment: try again next tick */ }
    };
    setInterval(poll, 2000);
  }
  const refresh = document.querySelector('[data-refresh]');
  if (refresh) setTimeout(() => location.reload(), Number(refresh.dataset.refresh) * 1000);
});
