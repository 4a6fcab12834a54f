/**
 * Omnisync console bridge (SPEC 10.2 and 12).
 *
 * Salesforce lets only the agent's own console set her Omni-Channel presence status, so this
 * script runs in her Lightning console, beside the Omni-Channel toolkit:
 *
 *  - it holds one connection to Omnisync's `GET /console/commands` (server-sent events, read with
 *    `fetch` and a stream reader, or with `XMLHttpRequest` progress events where streaming fetch is
 *    not available), with the token in the `Authorization: Bearer` header, never in a URL;
 *  - it applies each `setPresenceStatus` command with the toolkit, never logging a logged-out agent
 *    in, and reports what happened (`commandResult`);
 *  - it turns the toolkit's events into `POST /console/events`, in order, retried until Omnisync
 *    takes them.
 *
 * Framework-free and shipped as source with no build step. The same file loads either way:
 *
 *  - as a classic script (Aura's `ltng:require` of the static resource, a `<script src>` tag), or
 *  - as an ES module (`import "./omnisync-bridge.js"`);
 *
 * and in both cases it defines `window.OmnisyncBridge` (`globalThis` outside a window). It has no
 * `export` statement on purpose: a file with one is a syntax error as a classic script, and Aura
 * cannot `import`.
 *
 * Decisions:
 *  - `event: replaced` (another console of this agent connected) stops this bridge for good: no
 *    reconnection (two consoles would take the stream from each other forever), no more reports of
 *    toolkit events (one console speaks for the agent); events already queued are still posted. A
 *    logout with reason DuplicateLogin or DuplicateLoginInSameBrowser (Omni-Channel moved to another
 *    tab) is posted, then does the same. start() again (a console reload) takes over.
 *  - Commands are applied one at a time, in arrival order, each commandId at most once.
 *  - Events are posted one at a time, in order. Network failures, 5xx, 408 and 429 are retried with
 *    backoff; a 401 once at once with a fresh token; any other 4xx is logged and dropped, since
 *    Omnisync will never take it and it must not block the events behind it.
 *
 * @example
 *   const bridge = OmnisyncBridge.createOmnisyncBridge({
 *     baseUrl: "https://omnisync.example.com",
 *     getToken: () => fetchTokenFromApex(),        // a Promise of a fresh token, asked per connection
 *     toolkit: omniToolkit,                        // getServicePresenceStatusId, setServicePresenceStatus
 *     log: (level, message) => console[level](message),
 *   });
 *   bridge.start();
 *   bridge.handleToolkitEvent("omniChannelStatusChanged", event.getParams());
 *   bridge.stop();
 */
(function (root) {
  "use strict";

  var VERSION = "1";

  /** Defaults of the options that tune timing (SPEC 12: 45 s without a byte means a dead stream). */
  var DEFAULTS = Object.freeze({
    idleTimeoutMs: 45000,
    backoffInitialMs: 1000,
    backoffMaxMs: 30000,
    transport: "auto",
  });

  /** Toolkit logout reasons that mean "another tab or browser took Omni-Channel over" (SPEC 10.2). */
  var HANDED_OVER_LOGOUT_REASONS = ["DuplicateLogin", "DuplicateLoginInSameBrowser"];

  /** The XMLHttpRequest fallback keeps the whole response in memory: start afresh past this size. */
  var XHR_RECYCLE_BYTES = 1 << 20;

  /** How many command ids are remembered to never apply one twice (the server keeps one outstanding). */
  var REMEMBERED_COMMANDS = 200;

  /**
   * @typedef {Object} OmniToolkit
   * The two methods of `lightning:omniToolkitAPI` the bridge calls; both return Promises.
   * @property {function(): Promise<{statusId: string, statusName: string, statusApiName: string}>} getServicePresenceStatusId
   *   rejects (or resolves without a statusId) when the agent is logged out of Omni-Channel.
   * @property {function({statusId: string}): Promise<{statusName: string, statusApiName: string, statusId: string, channels: *}>} setServicePresenceStatus
   *   logs a logged-out agent in, which is why the bridge asks getServicePresenceStatusId first.
   */

  /**
   * @typedef {Object} BridgeOptions
   * @property {string} baseUrl Omnisync's https origin (and path prefix, if any), e.g. "https://omnisync.example.com".
   * @property {function(): Promise<string>} getToken a fresh token for this agent; called for each
   *   connection and whenever Omnisync answers 401.
   * @property {OmniToolkit} toolkit the Omni-Channel toolkit (or a stand-in with the same shapes).
   * @property {function(string, string, *=): void} [log] receives ("debug"|"info"|"warn"|"error", message, detail);
   *   never given the token.
   * @property {function(string): void} [onStateChange] receives "connecting", "connected", "waiting",
   *   "replaced" or "stopped".
   * @property {function({workItemId: string, workId: string}): Promise<string>} [resolveWorkChannel]
   *   the service channel (API name) of accepted work, which the toolkit event does not carry.
   * @property {"auto"|"fetch"|"xhr"} [transport] how to read the stream; "auto" prefers streaming fetch.
   * @property {number} [idleTimeoutMs] reconnect after this long without a byte (default 45000).
   * @property {number} [backoffInitialMs] first reconnection delay, doubled per failure (default 1000).
   * @property {number} [backoffMaxMs] longest reconnection delay (default 30000).
   */

  /**
   * @typedef {Object} OmnisyncBridge
   * @property {function(): void} start opens the stream (again) and lets queued events be posted.
   * @property {function(): void} stop closes the stream and cancels every timer; events stay queued.
   * @property {function(string, Object): boolean} handleToolkitEvent reports one toolkit event
   *   ("omniChannelStatusChanged", "omniChannelLogout", "omniChannelWorkloadChanged",
   *   "omniChannelWorkAccepted", with or without the "lightning:" prefix) with its parameters;
   *   false when it was not queued (unknown event, or another console took over).
   */

  /**
   * Creates a bridge between Omnisync and this console's Omni-Channel toolkit. Nothing happens
   * until start().
   *
   * @param {BridgeOptions} options
   * @returns {OmnisyncBridge}
   */
  function createOmnisyncBridge(options) {
    var settings = readOptions(options);
    var log = settings.log;
    var commandsUrl = settings.baseUrl + "/console/commands";
    var eventsUrl = settings.baseUrl + "/console/events";
    var transport = settings.transport === "auto" ? preferredTransport() : settings.transport;

    var state = "stopped";
    var running = false; // the stream is wanted
    var handedOver = false; // another console speaks for this agent now
    var token = null; // the last token getToken() gave; reused for posts until a 401
    var tokenRequest = null; // one getToken() call at a time

    var connection = null; // {abort: function}, the current stream
    var streamFailures = 0;
    var reconnectTimer = null;
    var idleTimer = null;
    var lastEventId = null;

    var appliedCommandIds = [];
    var commandQueue = Promise.resolve();

    var outbox = []; // [{describe: string, body: Promise<Object>}], posted in order
    var postingAllowed = false; // between start() and stop(), handed over or not
    var posting = false;
    var postFailures = 0;
    var postTimer = null;
    var idPrefix = randomId();
    var idSequence = 0;

    // ---- lifecycle ------------------------------------------------------------------------

    function start() {
      if (running) {
        return;
      }
      running = true;
      postingAllowed = true;
      handedOver = false;
      streamFailures = 0;
      log("info", "Omnisync bridge starting (" + transport + " stream to " + commandsUrl + ")");
      connect();
      sendNextEvent();
    }

    function stop() {
      running = false;
      postingAllowed = false;
      closeStream();
      clearTimeout(reconnectTimer);
      clearTimeout(postTimer);
      reconnectTimer = null;
      postTimer = null;
      setState("stopped");
      if (outbox.length > 0) {
        log("info", outbox.length + " event(s) wait to be posted when the bridge starts again");
      }
    }

    /** Another console of the same agent took the stream (SPEC 10.2 `replaced`): give way, for good. */
    function handOver(why) {
      if (handedOver) {
        return;
      }
      log("warn", why + ": this console stops listening to Omnisync; reload it to take over again");
      handedOver = true;
      running = false;
      closeStream();
      clearTimeout(reconnectTimer);
      reconnectTimer = null;
      setState("replaced");
    }

    function setState(next) {
      if (state === next) {
        return;
      }
      state = next;
      if (settings.onStateChange) {
        safely(function () {
          settings.onStateChange(next);
        });
      }
    }

    // ---- tokens ---------------------------------------------------------------------------

    /** Asks getToken() for a new token (one request at a time) and keeps it for the posts. */
    function freshToken() {
      if (!tokenRequest) {
        tokenRequest = Promise.resolve()
          .then(settings.getToken)
          .then(
            function (value) {
              tokenRequest = null;
              if (typeof value !== "string" || value === "") {
                throw new Error("getToken() gave no token");
              }
              token = value;
              return value;
            },
            function (error) {
              tokenRequest = null;
              throw error;
            }
          );
      }
      return tokenRequest;
    }

    function currentToken() {
      return token ? Promise.resolve(token) : freshToken();
    }

    // ---- the command stream ---------------------------------------------------------------

    function connect() {
      reconnectTimer = null;
      if (!running) {
        return;
      }
      setState("connecting");
      var attempt = {};
      connection = attempt;
      armIdleTimer(attempt);
      freshToken().then(
        function (value) {
          if (connection !== attempt) {
            return;
          }
          var open = transport === "xhr" ? openWithXhr : openWithFetch;
          var handle = open(value, streamHandlers(attempt));
          attempt.abort = handle.abort;
        },
        function (error) {
          if (connection !== attempt) {
            return;
          }
          log("warn", "could not get a token for Omnisync: " + describe(error));
          reconnectLater();
        }
      );
    }

    /** What a stream reports, ignored once this attempt is no longer the current one. */
    function streamHandlers(attempt) {
      var parser = createEventStreamParser(onServerEvent, function () {});
      function current() {
        return connection === attempt;
      }
      return {
        opened: function () {
          if (current()) {
            setState("connected");
            log("info", "connected to Omnisync");
          }
        },
        received: function (text) {
          if (!current()) {
            return;
          }
          streamFailures = 0;
          armIdleTimer(attempt);
          parser.push(text);
        },
        refused: function (status) {
          if (!current()) {
            return;
          }
          if (status === 401) {
            token = null;
            log("warn", "Omnisync refused the token (401); the next connection asks for a fresh one");
          } else {
            log("error", "Omnisync refused the command stream (HTTP " + status + ")");
          }
          reconnectLater();
        },
        ended: function (why) {
          if (current()) {
            log("info", "the command stream ended (" + why + ")");
            reconnectLater();
          }
        },
        cannotStream: function () {
          if (current()) {
            log("info", "streaming fetch is not available here: reading the stream with XMLHttpRequest");
            transport = "xhr";
            closeStream();
            connect();
          }
        },
      };
    }

    function onServerEvent(event) {
      if (event.id !== null) {
        lastEventId = event.id;
      }
      if (event.type === "setPresenceStatus") {
        onCommand(event.data);
      } else if (event.type === "replaced") {
        handOver("another console of this agent connected to Omnisync");
      } else {
        log("debug", "ignored an event of type " + event.type);
      }
    }

    function armIdleTimer(attempt) {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(function () {
        if (connection === attempt) {
          log("warn", "nothing from Omnisync for " + settings.idleTimeoutMs + " ms: reconnecting");
          reconnectLater();
        }
      }, settings.idleTimeoutMs);
    }

    function closeStream() {
      clearTimeout(idleTimer);
      idleTimer = null;
      var closing = connection;
      connection = null;
      if (closing && closing.abort) {
        safely(closing.abort);
      }
    }

    /** Closes the current stream and connects again after a jittered, exponentially growing delay. */
    function reconnectLater() {
      closeStream();
      if (!running || reconnectTimer) {
        return;
      }
      var delay = backoffDelay(streamFailures++, settings.backoffInitialMs, settings.backoffMaxMs);
      setState("waiting");
      log("info", "reconnecting to Omnisync in " + delay + " ms");
      reconnectTimer = setTimeout(connect, delay);
    }

    function streamHeaders(value) {
      var headers = { Authorization: "Bearer " + value, Accept: "text/event-stream" };
      if (lastEventId !== null) {
        headers["Last-Event-ID"] = lastEventId;
      }
      return headers;
    }

    function openWithFetch(value, on) {
      var controller = new AbortController();
      fetch(commandsUrl, {
        method: "GET",
        headers: streamHeaders(value),
        mode: "cors",
        credentials: "omit",
        cache: "no-store",
        signal: controller.signal,
      })
        .then(function (response) {
          if (!response.ok) {
            on.refused(response.status);
            return undefined;
          }
          if (!response.body || typeof response.body.getReader !== "function") {
            on.cannotStream();
            return undefined;
          }
          on.opened();
          var reader = response.body.getReader();
          var decoder = new TextDecoder("utf-8");
          function pump() {
            return reader.read().then(function (chunk) {
              if (chunk.done) {
                on.ended("closed by Omnisync");
                return undefined;
              }
              on.received(decoder.decode(chunk.value, { stream: true }));
              return pump();
            });
          }
          return pump();
        })
        .catch(function (error) {
          if (!controller.signal.aborted) {
            on.ended(describe(error));
          }
        });
      return {
        abort: function () {
          controller.abort();
        },
      };
    }

    function openWithXhr(value, on) {
      var xhr = new XMLHttpRequest();
      var seen = 0;
      var aborted = false;
      var headers = streamHeaders(value);
      xhr.open("GET", commandsUrl, true);
      Object.keys(headers).forEach(function (name) {
        xhr.setRequestHeader(name, headers[name]);
      });
      function deliver() {
        var text = xhr.responseText || "";
        if (text.length > seen) {
          var fresh = text.slice(seen);
          seen = text.length;
          on.received(fresh);
        }
      }
      xhr.onreadystatechange = function () {
        if (xhr.readyState === 2 && xhr.status === 200) {
          on.opened();
        }
      };
      xhr.onprogress = function () {
        if (aborted || xhr.status !== 200) {
          return;
        }
        deliver();
        if (seen > XHR_RECYCLE_BYTES) {
          on.ended("recycling the XMLHttpRequest after " + seen + " characters");
        }
      };
      xhr.onload = function () {
        if (aborted) {
          return;
        }
        if (xhr.status === 200) {
          deliver();
          on.ended("closed by Omnisync");
        } else {
          on.refused(xhr.status);
        }
      };
      xhr.onerror = function () {
        if (!aborted) {
          on.ended("network error");
        }
      };
      xhr.send();
      return {
        abort: function () {
          aborted = true;
          xhr.abort();
        },
      };
    }

    // ---- commands -------------------------------------------------------------------------

    function onCommand(data) {
      var command = parseJson(data);
      if (!command || typeof command.commandId !== "string" || typeof command.statusId !== "string") {
        log("error", "ignored a setPresenceStatus command without commandId and statusId: " + data);
        return;
      }
      if (appliedCommandIds.indexOf(command.commandId) >= 0) {
        log("debug", "command " + command.commandId + " was already applied");
        return;
      }
      log("info", "command " + command.commandId + ": set " + (command.statusApiName || command.statusId));
      appliedCommandIds.push(command.commandId);
      if (appliedCommandIds.length > REMEMBERED_COMMANDS) {
        appliedCommandIds.shift();
      }
      commandQueue = commandQueue
        .then(function () {
          return applyCommand(command);
        })
        .catch(function (error) {
          log("error", "command " + command.commandId + " failed: " + describe(error));
        });
    }

    /**
     * Sets the status a command names, unless the agent is logged out of Omni-Channel: the toolkit
     * would log her in, which Omnisync never does (rule 4.5).
     */
    function applyCommand(command) {
      var label = command.statusApiName || command.statusId;
      return call(settings.toolkit, "getServicePresenceStatusId")
        .then(
          function (current) {
            return Boolean(current && typeof current.statusId === "string" && current.statusId !== "");
          },
          function (error) {
            log("info", "getServicePresenceStatusId failed (" + describe(error) + "): the agent is logged out");
            return false;
          }
        )
        .then(function (loggedIn) {
          if (!loggedIn) {
            log("info", "command " + command.commandId + " (" + label + ") refused: the agent is logged out");
            queueResult(command, "refused", "OMNI_OFFLINE");
            return undefined;
          }
          return call(settings.toolkit, "setServicePresenceStatus", { statusId: command.statusId }).then(
            function () {
              log("info", "command " + command.commandId + " (" + label + ") applied");
              queueResult(command, "accepted");
            },
            function (error) {
              log("warn", "command " + command.commandId + " (" + label + ") refused: " + describe(error));
              queueResult(command, "refused", describe(error));
            }
          );
        });
    }

    function queueResult(command, result, message) {
      var body = { type: "commandResult", commandId: command.commandId, result: result };
      if (message !== undefined) {
        body.message = message;
      }
      queue("the result of " + command.commandId + " (" + result + ")", body);
    }

    // ---- toolkit events -------------------------------------------------------------------

    function handleToolkitEvent(name, params) {
      var p = params || {};
      var kind = String(name || "").replace(/^lightning:/, "");
      if (handedOver) {
        log("info", kind + " not reported: another console speaks for this agent");
        return false;
      }
      switch (kind) {
        case "omniChannelStatusChanged":
          queue(
            "statusChanged " + p.statusApiName,
            consoleEvent("statusChanged", {
              statusApiName: p.statusApiName,
              statusId: p.statusId,
              reason: p.reason,
            })
          );
          return true;
        case "omniChannelLogout":
          queue("logout " + (p.reason || ""), consoleEvent("logout", { reason: p.reason }));
          if (HANDED_OVER_LOGOUT_REASONS.indexOf(p.reason) >= 0) {
            handOver("Omni-Channel moved to another console (" + p.reason + ")");
          }
          return true;
        case "omniChannelWorkloadChanged":
          queue(
            "workloadChanged " + p.newWorkload,
            consoleEvent("workloadChanged", {
              configuredCapacity: p.configuredCapacity,
              previousWorkload: p.previousWorkload,
              newWorkload: p.newWorkload,
            })
          );
          return true;
        case "omniChannelWorkAccepted":
          queueWorkAccepted(p);
          return true;
        default:
          log("debug", "ignored the toolkit event " + kind);
          return false;
      }
    }

    /** The toolkit names no channel: ask resolveWorkChannel, keeping the event's place in the queue. */
    function queueWorkAccepted(p) {
      var skeleton = consoleEvent("workAccepted", { workId: p.workId, channel: null });
      var body = Promise.resolve()
        .then(function () {
          return settings.resolveWorkChannel
            ? settings.resolveWorkChannel({ workItemId: p.workItemId, workId: p.workId })
            : null;
        })
        .then(
          function (channel) {
            return channel;
          },
          function (error) {
            log("warn", "could not tell the channel of work " + p.workId + ": " + describe(error));
            return null;
          }
        )
        .then(function (channel) {
          skeleton.channel = channel === undefined ? null : channel;
          return skeleton;
        });
      queue("workAccepted " + p.workId, body);
    }

    /** {id, type, ...fields, at}: the id is unique per agent (a random prefix per console, then a counter). */
    function consoleEvent(type, fields) {
      var event = { id: idPrefix + "-" + ++idSequence, type: type };
      Object.keys(fields).forEach(function (key) {
        if (fields[key] !== undefined) {
          event[key] = fields[key];
        }
      });
      event.at = new Date().toISOString();
      return event;
    }

    // ---- posting, in order ----------------------------------------------------------------

    function queue(describeIt, body) {
      outbox.push({ describe: describeIt, body: Promise.resolve(body) });
      sendNextEvent();
    }

    /** Posts the oldest queued event; the next waits until Omnisync took it or refused it for good. */
    function sendNextEvent() {
      if (posting || outbox.length === 0 || !postingAllowed) {
        return;
      }
      posting = true;
      clearTimeout(postTimer);
      postTimer = null;
      var item = outbox[0];
      item.body
        .then(function (body) {
          return post(body, false);
        })
        .then(function (outcome) {
          posting = false;
          if (outcome === "retry") {
            var delay = backoffDelay(postFailures++, settings.backoffInitialMs, settings.backoffMaxMs);
            log("info", item.describe + ": retrying in " + delay + " ms");
            postTimer = setTimeout(sendNextEvent, delay);
            return;
          }
          outbox.shift();
          postFailures = 0;
          sendNextEvent();
        });
    }

    /** Resolves "posted", "dropped" (Omnisync will never take it) or "retry". */
    function post(body, tokenWasFresh) {
      return currentToken()
        .then(function (value) {
          return httpPost(eventsUrl, value, JSON.stringify(body));
        })
        .then(
          function (response) {
            if (response.status >= 200 && response.status < 300) {
              log("debug", "posted " + JSON.stringify(body));
              return "posted";
            }
            if (response.status === 401) {
              token = null;
              return tokenWasFresh ? "retry" : post(body, true);
            }
            if (response.status >= 500 || response.status === 408 || response.status === 429) {
              log("warn", body.type + " not taken yet (HTTP " + response.status + ")");
              return "retry";
            }
            log("error", body.type + " refused by Omnisync (HTTP " + response.status + "): " + response.text);
            return "dropped";
          },
          function (error) {
            log("warn", body.type + " not posted: " + describe(error));
            return "retry";
          }
        );
    }

    return Object.freeze({ start: start, stop: stop, handleToolkitEvent: handleToolkitEvent });
  }

  // ---- the event stream format (WHATWG HTML, "server-sent events") ------------------------

  /**
   * An incremental parser of `text/event-stream`: feed it text as it arrives, in chunks cut
   * anywhere; it calls onEvent({type, data, id}) per event and onComment(text) per comment line.
   * `id` is the last event id seen on this stream so far (null before any).
   *
   * @param {function({type: string, data: string, id: ?string}): void} onEvent
   * @param {function(string): void} [onComment]
   * @returns {{push: function(string): void}}
   */
  function createEventStreamParser(onEvent, onComment) {
    var pending = "";
    var started = false;
    var skipLineFeed = false;
    var dataLines = [];
    var eventType = "";
    var lastId = null;

    function line(text) {
      if (text === "") {
        if (dataLines.length > 0) {
          onEvent({ type: eventType || "message", data: dataLines.join("\n"), id: lastId });
        }
        dataLines = [];
        eventType = "";
        return;
      }
      if (text.charAt(0) === ":") {
        if (onComment) {
          onComment(text.slice(1).replace(/^ /, ""));
        }
        return;
      }
      var colon = text.indexOf(":");
      var field = colon < 0 ? text : text.slice(0, colon);
      var value = colon < 0 ? "" : text.slice(colon + 1).replace(/^ /, "");
      if (field === "data") {
        dataLines.push(value);
      } else if (field === "event") {
        eventType = value;
      } else if (field === "id" && value.indexOf("\u0000") < 0) {
        lastId = value;
      }
      // "retry" and unknown fields are ignored: the bridge keeps its own backoff.
    }

    function push(text) {
      var chunk = String(text);
      if (!started && chunk.length > 0) {
        started = true;
        chunk = chunk.replace(/^\uFEFF/, "");
      }
      if (skipLineFeed && chunk.charAt(0) === "\n") {
        chunk = chunk.slice(1);
      }
      skipLineFeed = false;
      pending += chunk;
      var endOfLine = /\r\n|\r|\n/g;
      var from = 0;
      var match;
      while ((match = endOfLine.exec(pending)) !== null) {
        if (match[0] === "\r" && match.index === pending.length - 1) {
          skipLineFeed = true; // a CR ends the chunk: its LF, if any, starts the next one
        }
        line(pending.slice(from, match.index));
        from = endOfLine.lastIndex;
      }
      pending = pending.slice(from);
    }

    return { push: push };
  }

  // ---- small helpers ----------------------------------------------------------------------

  function readOptions(options) {
    var o = options || {};
    if (typeof o.baseUrl !== "string" || !/^https?:\/\//.test(o.baseUrl)) {
      throw new TypeError("createOmnisyncBridge: baseUrl must be Omnisync's https URL, got " + o.baseUrl);
    }
    if (typeof o.getToken !== "function") {
      throw new TypeError("createOmnisyncBridge: getToken must be a function returning a Promise of a token");
    }
    if (!o.toolkit || typeof o.toolkit.getServicePresenceStatusId !== "function" ||
        typeof o.toolkit.setServicePresenceStatus !== "function") {
      throw new TypeError("createOmnisyncBridge: toolkit must have getServicePresenceStatusId and setServicePresenceStatus");
    }
    if (["auto", "fetch", "xhr"].indexOf(o.transport || DEFAULTS.transport) < 0) {
      throw new TypeError("createOmnisyncBridge: transport must be auto, fetch or xhr, got " + o.transport);
    }
    return {
      baseUrl: o.baseUrl.replace(/\/+$/, ""),
      getToken: o.getToken,
      toolkit: o.toolkit,
      log: typeof o.log === "function" ? quietly(o.log) : function () {},
      onStateChange: typeof o.onStateChange === "function" ? o.onStateChange : null,
      resolveWorkChannel: typeof o.resolveWorkChannel === "function" ? o.resolveWorkChannel : null,
      transport: o.transport || DEFAULTS.transport,
      idleTimeoutMs: positive(o.idleTimeoutMs, DEFAULTS.idleTimeoutMs),
      backoffInitialMs: positive(o.backoffInitialMs, DEFAULTS.backoffInitialMs),
      backoffMaxMs: positive(o.backoffMaxMs, DEFAULTS.backoffMaxMs),
    };
  }

  /** Streaming fetch where the page has it (and can abort it); XMLHttpRequest progress elsewhere. */
  function preferredTransport() {
    var canStream = typeof fetch === "function" && typeof AbortController === "function" &&
      typeof TextDecoder === "function" && typeof ReadableStream === "function";
    return canStream ? "fetch" : "xhr";
  }

  /** Equal jitter: between half and all of min(max, initial * 2^failures). */
  function backoffDelay(failures, initialMs, maxMs) {
    var ceiling = Math.min(maxMs, initialMs * Math.pow(2, Math.min(failures, 30)));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** POST with fetch (XMLHttpRequest where there is none): resolves {status, text}, rejects on network failure. */
  function httpPost(url, value, body) {
    var headers = { Authorization: "Bearer " + value, "Content-Type": "application/json" };
    if (typeof fetch === "function") {
      return fetch(url, {
        method: "POST",
        headers: headers,
        body: body,
        mode: "cors",
        credentials: "omit",
        cache: "no-store",
      }).then(function (response) {
        return response.text().then(function (text) {
          return { status: response.status, text: text };
        });
      });
    }
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url, true);
      Object.keys(headers).forEach(function (name) {
        xhr.setRequestHeader(name, headers[name]);
      });
      xhr.onload = function () {
        resolve({ status: xhr.status, text: xhr.responseText });
      };
      xhr.onerror = function () {
        reject(new Error("network error"));
      };
      xhr.send(body);
    });
  }

  /** Calls a toolkit method, turning a synchronous throw into a rejected Promise. */
  function call(target, method, argument) {
    return new Promise(function (resolve) {
      resolve(argument === undefined ? target[method]() : target[method](argument));
    });
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  /** The message of an Error, a toolkit error object or a string. */
  function describe(error) {
    if (error === null || error === undefined) {
      return "unknown error";
    }
    if (typeof error === "string") {
      return error;
    }
    if (typeof error.message === "string" && error.message !== "") {
      return error.message;
    }
    if (typeof error.errorMessage === "string") {
      return error.errorMessage;
    }
    try {
      return JSON.stringify(error);
    } catch (e) {
      return String(error);
    }
  }

  function randomId() {
    var c = root.crypto;
    if (c && typeof c.randomUUID === "function") {
      return c.randomUUID();
    }
    if (c && typeof c.getRandomValues === "function") {
      var bytes = c.getRandomValues(new Uint8Array(16));
      return Array.prototype.map.call(bytes, function (b) {
        return (b + 256).toString(16).slice(1);
      }).join("");
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function positive(value, fallback) {
    return typeof value === "number" && value > 0 ? value : fallback;
  }

  function quietly(log) {
    return function (level, message, detail) {
      safely(function () {
        log(level, message, detail);
      });
    };
  }

  function safely(action) {
    try {
      action();
    } catch (e) {
      // a caller's callback must not break the bridge
    }
  }

  root.OmnisyncBridge = Object.freeze({
    VERSION: VERSION,
    createOmnisyncBridge: createOmnisyncBridge,
    createEventStreamParser: createEventStreamParser,
  });
})(typeof window !== "undefined" ? window : globalThis);
