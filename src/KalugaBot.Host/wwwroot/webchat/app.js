// KalugaBot web chat page: localises the page, gets a Direct Line token from this host and renders the official Web Chat.
// No inline script on the page (the CSP forbids it); everything the page does is here.
(function () {
  'use strict';

  var TOKEN_URL = 'api/directline/token';       // same-origin token endpoint of the host (relative: works under a path base)
  var REFRESH_URL = 'v3/directline/tokens/refresh';
  var DIRECT_LINE = 'v3/directline';
  var SOCKET_PROBE_MS = 3000;                   // a WebSocket that has not opened by then is taken as blocked
  var STORAGE_KEY = 'kalugabot.webchat.session'; // {conversationId, token, userId}; sessionStorage: survives reloads, not other tabs
  var SUPPORTED = ['en', 'ru', 'de', 'fr', 'it', 'zh', 'pt'];
  // Web Chat's own UI strings exist per full locale; a bare language is mapped to its most common one.
  var WEBCHAT_LOCALES = { en: 'en-US', ru: 'ru-RU', de: 'de-DE', fr: 'fr-FR', it: 'it-IT', zh: 'zh-CN', pt: 'pt-PT' };

  var query = new URLSearchParams(window.location.search);
  var forgetting = false; // set by "New conversation": nothing may write the old conversation back while the page unloads
  var base = new URL('.', window.location.href);
  var url = function (path) { return new URL(path, base).toString(); };

  // ?lang=de (used by embed.js when the host site knows its language) wins over the browser's languages.
  function pickLocale() {
    var candidates = [query.get('lang')].concat(navigator.languages || [], [navigator.language]);
    for (var i = 0; i < candidates.length; i++) {
      var c = candidates[i];
      if (!c) continue;
      var lang = c.toLowerCase().split(/[-_]/)[0];
      if (SUPPORTED.indexOf(lang) >= 0) return { lang: lang, locale: c.indexOf('-') > 0 ? c : WEBCHAT_LOCALES[lang] };
    }
    return { lang: 'en', locale: 'en-US' };
  }

  function applyStrings(strings, lang) {
    document.documentElement.lang = lang;
    document.title = strings.region + ' · ' + strings.product;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      var text = strings[el.getAttribute('data-i18n')];
      if (text) el.textContent = text;
    });
  }

  function loadSession() {
    try { return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  function saveSession(session) {
    try { window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session)); } catch (e) { /* private mode: no resume */ }
  }

  function clearSession() {
    try { window.sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
  }

  function postJson(path, body, token) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url(path), { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error(path + ' answered ' + res.status);
        return res.json();
      });
  }

  function newUserId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return 'u_' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // A stored conversation is resumed with a fresh token for it; if that fails (expired token, or a conversation the
  // agency has erased since) a new one starts. Web Chat itself would only show a connection error.
  function openSession() {
    var stored = loadSession();
    if (stored && stored.conversationId && stored.token && stored.userId) {
      return postJson(REFRESH_URL, null, stored.token)
        .then(function (res) {
          return stillThere(stored.conversationId, res.token).then(function () {
            return { conversationId: stored.conversationId, token: res.token, userId: stored.userId, resumed: true };
          });
        })
        .catch(function () { clearSession(); return startSession(); });
    }
    return startSession();
  }

  // Direct Line's reconnect answers 404 for a conversation the host no longer has.
  function stillThere(conversationId, token) {
    return fetch(url(DIRECT_LINE + '/conversations/' + encodeURIComponent(conversationId)), {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' }, credentials: 'same-origin'
    }).then(function (res) {
      if (res.status === 404) throw new Error('the conversation is gone');
    });
  }

  function startSession() {
    var userId = newUserId();
    return postJson(TOKEN_URL, { user: { id: userId } }).then(function (res) {
      return { conversationId: res.conversationId || null, token: res.token, userId: res.userId || userId, resumed: false };
    });
  }

  function styleOptions() {
    return {
      accent: '#0d3b66',
      primaryFont: "'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', sans-serif",
      backgroundColor: '#ffffff',
      rootHeight: '100%',
      rootWidth: '100%',
      botAvatarImage: url('webchat/avatar.svg'),
      botAvatarInitials: 'KR',
      avatarSize: 36,
      bubbleBackground: '#f0f3f7',
      bubbleBorderColor: '#e1e7ee',
      bubbleBorderRadius: 10,
      bubbleBorderWidth: 1,
      bubbleTextColor: '#1c2733',
      bubbleFromUserBackground: '#0d3b66',
      bubbleFromUserBorderColor: '#0d3b66',
      bubbleFromUserBorderRadius: 10,
      bubbleFromUserTextColor: '#ffffff',
      bubbleMaxWidth: 560,
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: '#0d3b66',
      suggestedActionBorderRadius: 16,
      suggestedActionTextColor: '#0d3b66',
      suggestedActionLayout: 'flow',
      sendBoxBackground: '#ffffff',
      sendBoxBorderTop: 'solid 1px #dde3ea',
      sendBoxButtonColor: '#0d3b66',
      sendBoxHeight: 56,
      hideUploadButton: true,
      timestampColor: '#6b7886',
      transitionDuration: '0s'
    };
  }

  // The bot writes one fact per line with single newlines, as Teams and the Emulator show them; plain markdown would
  // join those lines, so each single newline becomes a markdown hard break before Web Chat's own (sanitising) renderer.
  function lineBreakingMarkdown() {
    var render = window.WebChat.renderMarkdown;
    if (typeof render !== 'function') return undefined;
    return function (markdown) {
      var args = Array.prototype.slice.call(arguments);
      args[0] = typeof markdown === 'string' ? markdown.replace(/([^\n])\n(?!\n)/g, '$1  \n') : markdown;
      return render.apply(null, args);
    };
  }

  function showStatus(text, isError) {
    var status = document.getElementById('chat-status');
    if (text !== undefined) status.textContent = text; // no strings loaded: keep the page's built-in text
    status.hidden = text === '';
    status.classList.toggle('chat__status--error', !!isError);
  }

  // Some networks (corporate proxies) block WebSockets; Direct Line JS would then post fine but never receive a reply.
  // A socket that opens within a few seconds means the stream can be used; otherwise the page polls.
  function socketsWork() {
    return new Promise(function (resolve) {
      var done = false, socket = null;
      var finish = function (ok) {
        if (done) return;
        done = true;
        try { if (socket) socket.close(); } catch (e) { /* already closed */ }
        resolve(ok);
      };
      if (!window.WebSocket) { finish(false); return; }
      try { socket = new WebSocket(url('webchat/socket-probe').replace(/^http/, 'ws')); } catch (e) { finish(false); return; }
      socket.onopen = function () { finish(true); };
      socket.onerror = function () { finish(false); };
      socket.onclose = function () { finish(false); };
      setTimeout(function () { finish(false); }, SOCKET_PROBE_MS);
    });
  }

  function render(session, pick, strings, useSocket) {
    document.body.setAttribute('data-transport', useSocket ? 'websocket' : 'polling');
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      conversationId: session.resumed ? session.conversationId : undefined,
      domain: url(DIRECT_LINE).replace(/\/$/, ''),
      // Replies arrive over the host's WebSocket stream the moment the bot sends them (polling would add up to a second).
      webSocket: useSocket,
      conversationStartProperties: { locale: pick.locale }
    });

    // Keeps what a reload needs: the conversation (known once connected) and the token Direct Line currently holds.
    var remember = function () {
      if (forgetting) return;
      var conversationId = directLine.conversationId || session.conversationId;
      if (conversationId) saveSession({ conversationId: conversationId, token: directLine.token || session.token, userId: session.userId });
    };

    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') { showStatus(''); remember(); }
          else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') remember();
          else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') showStatus(strings.connectError, true);
          return next(action);
        };
      };
    });

    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      userID: session.userId,
      locale: pick.locale,
      renderMarkdown: lineBreakingMarkdown(),
      styleOptions: styleOptions()
    }, document.getElementById('webchat'));

    window.addEventListener('pagehide', remember);
  }

  function start(strings, pick) {
    document.getElementById('new-conversation').addEventListener('click', function () {
      forgetting = true;
      clearSession();
      window.location.reload();
    });
    if (!window.WebChat) { showStatus(strings.connectError, true); return; }
    Promise.all([openSession(), socketsWork()])
      .then(function (both) { render(both[0], pick, strings, both[1]); })
      .catch(function () { showStatus(strings.connectError, true); });
  }

  function main() {
    if (query.get('embed') === '1') document.body.classList.add('embed');
    var pick = pickLocale();
    fetch(url('webchat/strings.json'))
      .then(function (res) { return res.json(); })
      .then(function (all) { return all[pick.lang] || all.en; })
      .catch(function () { return {}; })
      .then(function (strings) {
        applyStrings(strings, pick.lang);
        start(strings, pick);
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
  else main();
})();
