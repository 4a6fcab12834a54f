// GET api/stream read with fetch (EventSource cannot send the Authorization header): server-sent
// events parsed by hand, reconnected with exponential backoff when the stream ends, fails or goes
// silent (the service sends ': ping' every 15 s).

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const SILENCE_MS = 45000;

/**
 * onEvent(type, data) for each event with JSON data; onState({state, delayMs, reason}) with
 * state 'connecting' | 'open' | 'retrying' (unreachable: the service did not answer, as opposed to a stream
 * that ended or went silent); onUnauthorized() on a 401 (the stream then stops).
 */
export function openStream({ path = 'api/stream', token, onEvent, onState, onUnauthorized }) {
  let stopped = false;
  let attempt = 0;
  let controller = null;
  let retryTimer = null;
  let silenceTimer = null;

  function watchSilence() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => controller && controller.abort(), SILENCE_MS);
  }

  async function connect() {
    if (stopped) return;
    controller = new AbortController();
    onState({ state: 'connecting' });
    let reason;
    let unreachable = false;
    try {
      const response = await fetch(path, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      if (response.status === 401) {
        stopped = true;
        onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) {
        unreachable = true;
        throw new Error(`the service answered ${response.status}`);
      }
      attempt = 0;
      watchSilence();
      onState({ state: 'open' });
      await readEvents(response.body, (type, data) => {
        watchSilence();
        if (type !== null) onEvent(type, data);
      });
      reason = 'the live connection closed';
    } catch (error) {
      if (error && error.name === 'AbortError') {
        reason = 'the live connection went silent';
      } else {
        unreachable = true;
        reason = 'the service is not answering';
      }
    } finally {
      clearTimeout(silenceTimer);
    }
    if (stopped) return;
    const delayMs = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt) * (1 + Math.random() * 0.2);
    attempt += 1;
    onState({ state: 'retrying', delayMs, reason, unreachable });
    retryTimer = setTimeout(connect, delayMs);
  }

  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      if (controller) controller.abort();
    },
  };
}

/** Reads an event stream to its end; calls dispatch(null) on comments (pings) so silence is measured. */
async function readEvents(body, dispatch) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let type = '';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) dispatch(type || 'message', parse(data.join('\n')));
        type = '';
        data = [];
      } else if (line.startsWith(':')) {
        dispatch(null, null);
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') type = value;
        else if (field === 'data') data.push(value);
      }
    }
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
