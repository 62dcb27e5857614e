// SkinBot web chat. Every piece of user or corpus text is written with textContent, never as HTML.
(() => {
  'use strict';

  const STORAGE_KEY = 'skinbot.conversationId';
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

  function randomId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function conversationId() {
    let id = sessionStorage.getItem(STORAGE_KEY);
    if (!id) {
      id = randomId();
      sessionStorage.setItem(STORAGE_KEY, id);
    }
    return id;
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

    conversation.append(article);
    scrollToLatest(article);
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
    try {
      const response = await fetch('api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ text, conversationId: conversationId() }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        appendError((body && body.error) || `SkinBot answered with HTTP ${response.status}.`);
      } else if (body && !body.suppressed) {
        appendAnswer(body);
      }
    } catch {
      appendError('Could not reach SkinBot. Is it still running?');
    } finally {
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
    sessionStorage.setItem(STORAGE_KEY, randomId());
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
