/*
  KalugaBot chat for the agency's own website. Paste before </body>:

    <script src="https://BOT-HOST/embed.js" defer></script>

  Options (attributes on that script tag):
    data-lang="ru"         page language (en, ru, de, fr, it, zh, pt); default: the visitor's browser language
    data-open="true"       open the chat at once instead of showing only the button
    data-target="#chat"    render the chat inside this element (inline) instead of a floating button

  The website's origin must be listed in the bot host's WebChat:AllowedOrigins, otherwise the browser refuses the frame.
*/
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__kalugaBotEmbed) return;
  window.__kalugaBotEmbed = true;

  var origin = new URL(script.src, window.location.href);
  var base = new URL('.', origin);
  var lang = script.getAttribute('data-lang') || '';
  var frameUrl = new URL('./', base);
  frameUrl.searchParams.set('embed', '1');
  if (lang) frameUrl.searchParams.set('lang', lang);

  var SUPPORTED = ['en', 'ru', 'de', 'fr', 'it', 'zh', 'pt'];
  var navLang = (lang || navigator.language || 'en').toLowerCase().split(/[-_]/)[0];
  var pageLang = SUPPORTED.indexOf(navLang) >= 0 ? navLang : 'en';

  var NAVY = '#0d3b66';

  function frame(title) {
    var f = document.createElement('iframe');
    f.src = frameUrl.toString();
    f.title = title;
    f.setAttribute('allow', 'clipboard-write');
    f.style.cssText = 'border:0;width:100%;height:100%;display:block;background:#fff;';
    return f;
  }

  function inline(target, strings) {
    target.appendChild(frame(strings.chatLabel));
  }

  function floating(strings, openAtOnce) {
    var panel = document.createElement('div');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', strings.chatLabel);
    panel.style.cssText = 'position:fixed;right:20px;bottom:92px;width:380px;max-width:calc(100vw - 24px);' +
      'height:600px;max-height:calc(100vh - 120px);border-radius:12px;overflow:hidden;z-index:2147483646;' +
      'box-shadow:0 12px 40px rgba(13,59,102,.28);border:1px solid #dde3ea;background:#fff;display:none;';

    var button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', strings.openChat);
    button.title = strings.openChat;
    button.style.cssText = 'position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;' +
      'background:' + NAVY + ';color:#fff;cursor:pointer;z-index:2147483647;box-shadow:0 6px 20px rgba(13,59,102,.35);' +
      'display:flex;align-items:center;justify-content:center;padding:0;';
    var chatIcon = '<svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true"><path fill="#fff" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/><circle cx="8" cy="11" r="1.4" fill="' + NAVY + '"/><circle cx="12" cy="11" r="1.4" fill="' + NAVY + '"/><circle cx="16" cy="11" r="1.4" fill="' + NAVY + '"/></svg>';
    var closeIcon = '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path stroke="#fff" stroke-width="2.4" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';
    button.innerHTML = chatIcon;

    var loaded = false;
    function toggle(open) {
      if (open && !loaded) { panel.appendChild(frame(strings.chatLabel)); loaded = true; } // the chat starts only when wanted
      panel.style.display = open ? 'block' : 'none';
      button.setAttribute('aria-expanded', String(open));
      button.setAttribute('aria-label', open ? strings.closeChat : strings.openChat);
      button.title = open ? strings.closeChat : strings.openChat;
      button.innerHTML = open ? closeIcon : chatIcon;
    }
    button.addEventListener('click', function () { toggle(panel.style.display === 'none'); });

    document.body.appendChild(panel);
    document.body.appendChild(button);
    if (openAtOnce) toggle(true);
  }

  function start(strings) {
    var targetSelector = script.getAttribute('data-target');
    var target = targetSelector && document.querySelector(targetSelector);
    if (target) inline(target, strings);
    else floating(strings, script.getAttribute('data-open') === 'true');
  }

  fetch(new URL('webchat/strings.json', base).toString())
    .then(function (res) { return res.json(); })
    .then(function (all) { return all[pageLang] || all.en; })
    .catch(function () { return { chatLabel: 'Chat', openChat: 'Chat', closeChat: 'Close' }; })
    .then(function (strings) {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { start(strings); });
      else start(strings);
    });
})();
