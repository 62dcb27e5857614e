// SkinBot web chat. Every piece of user or corpus text is written with textContent, never as HTML.
(() => {
  'use strict';

  const STORAGE_KEY = 'skinbot.conversationId';
  const REQUEST_TIMEOUT_MS = 30000;
  // When no answer came back, nobody read the message for urgent signs: say where help is (SafetyNet.Text, word for word).
  const SAFETY_NET = "If you might hurt yourself, or a skin problem is quickly getting worse (spreading redness, fever, trouble after a procedure), don't wait for me: call your local emergency number or a crisis line, or see a doctor today.";
  const conversation = document.getElementById('conversation');
  const typing = document.getElementById('typing');
  const form = document.getElementById('composer');
  const input = document.getElementById('message');
  const send = document.getElementById('send');
  const counter = document.getElementById('counter');
  const newChat = document.getElementById('new-chat');
  const chat = document.querySelector('.chat');

  let maxLength = Number(input.getAttribute('maxlength')) || 2000;
  let busy = false;

  // The server issues conversation ids (and binds them to this client); the page only keeps the latest one per tab.
  function conversationId() {
    return sessionStorage.getItem(STORAGE_KEY);
  }

  function rememberConversation(id) {
    if (typeof id === 'string' && id.length > 0 && id.length <= 128) {
      sessionStorage.setItem(STORAGE_KEY, id);
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function isWebAddress(value) {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }

  function scrollToLatest(node) {
    chat.scrollTop = chat.scrollHeight;
    if (typeof node.scrollIntoView === 'function') {
      node.scrollIntoView({ block: 'nearest' });
    }
  }

  function appendUser(text) {
    const message = element('div', 'message user', text);
    message.setAttribute('aria-label', 'You said');
    conversation.append(message);
    scrollToLatest(message);
  }

  function appendError(text) {
    const message = element('div', 'message error');
    message.setAttribute('role', 'alert');
    message.append(element('p', 'text', text));
    conversation.append(message);
    scrollToLatest(message);
  }

  // SkinBot asked the person to wait: not a fault, but it must never look like silence.
  function appendNotice(text) {
    const message = element('div', 'message notice');
    message.setAttribute('role', 'status');
    message.append(element('p', 'text', text));
    conversation.append(message);
    scrollToLatest(message);
  }

  function isAnswer(body) {
    return body !== null && typeof body === 'object' && typeof body.headline === 'string' && body.headline.length > 0;
  }

  function waitText(seconds) {
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }

  function rateLimitedText(body, response) {
    if (body && typeof body.error === 'string' && body.error) {
      return body.error;
    }
    const seconds = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    const wait = Number.isInteger(seconds) && seconds > 0 ? `about ${waitText(seconds)}` : 'a moment';
    return `You're sending messages faster than I can answer. Please wait ${wait} and try again.`;
  }

  // Every reply says something: an answer, a notice or an error, whatever came back.
  function show(response, body) {
    if (response.status === 429) {
      appendNotice(rateLimitedText(body, response));
    } else if (!response.ok) {
      appendError((body && typeof body.error === 'string' && body.error)
        || `SkinBot could not answer (HTTP ${response.status}). Please try again in a moment. ${SAFETY_NET}`);
    } else if (!isAnswer(body)) {
      appendError(`SkinBot sent a reply this page could not read. Please try again in a moment. ${SAFETY_NET}`);
    } else {
      rememberConversation(body.conversationId);
      appendAnswer(body);
    }
  }

  async function readJson(response) {
    try {
      return JSON.parse(await response.text());
    } catch {
      return null;
    }
  }

  function citation(passage) {
    const caption = element('figcaption');
    caption.append('— ');
    const source = passage.source || {};
    if (source.url && isWebAddress(source.url)) {
      const link = element('a', null, source.title);
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      caption.append(link);
    } else {
      caption.append(element('cite', null, source.title));
    }
    if (source.publisher) {
      caption.append(` (${source.publisher})`);
    }
    if (source.expert) {
      caption.append(`, quoting ${source.expert}`);
    }
    if (passage.sectionPathText) {
      caption.append(` · ${passage.sectionPathText}`);
    }
    return caption;
  }

  function appendAnswer(answer) {
    const urgent = answer.urgency && answer.urgency !== 'none';
    const kind = urgent ? `urgent urgent-${answer.urgency}` : answer.lowConfidence ? 'low-confidence' : '';
    const article = element('article', `message bot answer ${kind}`.trim());
    article.dataset.intent = answer.intent;
    if (urgent) {
      // A go-to-care reply is announced at once by screen readers and stands out from ordinary answers.
      article.setAttribute('role', 'alert');
      article.dataset.urgency = answer.urgency;
    }
    article.append(element('h2', 'headline', answer.headline));
    if (answer.message) {
      article.append(element('p', 'text', answer.message));
    }

    for (const passage of answer.passages || []) {
      const figure = element('figure', 'passage');
      figure.append(element('blockquote', null, passage.text));
      figure.append(citation(passage));
      article.append(figure);
    }

    if (answer.caveat) {
      const caveat = element('aside', 'caveat');
      caveat.setAttribute('role', 'note');
      caveat.setAttribute('aria-label', 'Medical caveat');
      caveat.append(element('strong', null, '⚕️ Please note'));
      caveat.append(element('span', null, answer.caveat));
      article.append(caveat);
    }

    if (!urgent && (answer.followUps || []).length > 0) {
      const group = element('div', 'followups');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', 'Follow-up questions');
      for (const followUp of answer.followUps) {
        const button = element('button', 'followup', followUp.label);
        button.type = 'button';
        button.dataset.question = followUp.question;
        button.title = followUp.question;
        button.disabled = busy;
        group.append(button);
      }
      article.append(group);
    }

    if (!urgent && answer.answerId) {
      article.append(voteBar(answer.answerId));
    }

    conversation.append(article);
    scrollToLatest(article);
  }

  const REASONS = [
    ['did_not_answer', "It didn't answer my question"],
    ['wrong', "It's wrong"],
    ['unclear', "It's unclear"],
    ['other', 'Something else'],
  ];

  // 👍 / 👎 under an answer. A second press replaces the vote (the server keeps one per visitor per answer);
  // a 👎 offers an optional reason. Acknowledged in place, quietly.
  function voteBar(answerId) {
    const bar = element('div', 'votes');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Was this helpful?');
    const status = element('span', 'vote-status');
    status.setAttribute('role', 'status');
    const up = element('button', 'vote', '👍 Helpful');
    const down = element('button', 'vote', '👎 Not helpful');
    up.type = down.type = 'button';
    up.dataset.vote = 'up';
    down.dataset.vote = 'down';
    up.addEventListener('click', () => sendVote(answerId, 'up', null, null, status, bar));
    down.addEventListener('click', () => {
      sendVote(answerId, 'down', null, null, status, bar);
      if (!bar.querySelector('form')) {
        bar.append(reasonForm(answerId, status, bar));
      }
    });
    bar.append(up, down, status);
    return bar;
  }

  function reasonForm(answerId, status, bar) {
    const form = element('form', 'vote-reason');
    const reason = element('select');
    reason.setAttribute('aria-label', 'What was wrong with it?');
    for (const [value, label] of REASONS) {
      const option = element('option', null, label);
      option.value = value;
      reason.append(option);
    }
    const comment = element('input');
    comment.type = 'text';
    comment.maxLength = 500;
    comment.placeholder = 'Anything else? (optional)';
    comment.setAttribute('aria-label', 'Anything else? (optional)');
    const submit = element('button', 'secondary', 'Send');
    submit.type = 'submit';
    form.append(reason, comment, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sendVote(answerId, 'down', reason.value, comment.value, status, bar);
      form.remove();
    });
    return form;
  }

  async function sendVote(answerId, vote, reason, comment, status, bar) {
    for (const button of bar.querySelectorAll('button.vote')) {
      button.setAttribute('aria-pressed', button.dataset.vote === vote ? 'true' : 'false');
    }
    try {
      const response = await fetch('api/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ answerId, vote, reason, comment }),
      });
      const body = await readJson(response);
      status.textContent = response.ok && body && body.message ? body.message : 'Could not save your vote just now.';
    } catch {
      status.textContent = 'Could not save your vote just now.';
    }
  }

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    conversation.setAttribute('aria-busy', value ? 'true' : 'false');
    send.disabled = value;
    // Keep keyboard focus somewhere useful: a focused button that becomes disabled would drop it to the page.
    if (value && document.activeElement && document.activeElement.tagName === 'BUTTON') {
      input.focus();
    }
    for (const button of conversation.querySelectorAll('button.followup')) {
      button.disabled = value;
    }
  }

  async function ask(raw) {
    const text = (raw || '').trim();
    if (!text || busy) {
      return;
    }
    if (text.length > maxLength) {
      appendError(`Please keep messages under ${maxLength} characters (this one has ${text.length}).`);
      return;
    }

    appendUser(text);
    setBusy(true);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      const request = { text };
      const id = conversationId();
      if (id) {
        request.conversationId = id;
      }
      const response = await fetch('api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(request),
        signal: abort.signal,
      });
      show(response, await readJson(response));
    } catch {
      appendError(abort.signal.aborted
        ? `SkinBot is taking too long to answer. Please try again in a moment. ${SAFETY_NET}`
        : `Could not reach SkinBot. Is it still running? ${SAFETY_NET}`);
    } finally {
      clearTimeout(timer);
      setBusy(false);
      input.focus();
    }
  }

  function updateComposer() {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
    counter.textContent = `${input.value.length} / ${maxLength}`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    const text = input.value;
    input.value = '';
    updateComposer();
    ask(text);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  input.addEventListener('input', updateComposer);

  conversation.addEventListener('click', (event) => {
    const button = event.target.closest('button.followup');
    if (button && !button.disabled) {
      ask(button.dataset.question);
    }
  });

  newChat.addEventListener('click', () => {
    // The next message starts a conversation with a new server-issued id.
    sessionStorage.removeItem(STORAGE_KEY);
    for (const message of conversation.querySelectorAll('.message:not(.welcome)')) {
      message.remove();
    }
    input.value = '';
    updateComposer();
    input.focus();
  });

  fetch('api/chat/settings')
    .then((response) => (response.ok ? response.json() : null))
    .then((settings) => {
      if (settings && Number.isInteger(settings.maxMessageLength) && settings.maxMessageLength > 0) {
        maxLength = settings.maxMessageLength;
        input.setAttribute('maxlength', String(maxLength));
        updateComposer();
      }
    })
    .catch(() => { /* the default cap still applies */ });

  updateComposer();
  input.focus();
})();
