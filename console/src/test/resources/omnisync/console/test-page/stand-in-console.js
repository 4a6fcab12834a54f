/*
 * The test console: a stand-in of lightning:omniToolkitAPI with the shapes Salesforce documents,
 * wired to the REAL bridge module the way the OmnisyncBridge Aura component wires it.
 *
 * Query parameters:
 *   service      Omnisync's base URL (required)
 *   bridge       URL of the bridge script (default: <service>/console/omnisync-bridge.js)
 *   load         "script" (a classic <script>, as Aura's ltng:require does; default) or "module" (import())
 *   token        URL that answers a POST with a fresh token (default: /token on this page's origin);
 *                it stands in for the Apex method OmnisyncConsoleToken.mintToken
 *   omni         "offline": the agent has not logged in to Omni-Channel yet when the console opens
 *   transport, idleMs, backoffMs, backoffMaxMs   passed to the bridge
 *
 * window.standIn.calls and window.standIn.events hold what the visible log shows, for the tests.
 */
(function () {
  "use strict";

  var params = new URLSearchParams(location.search);
  var service = params.get("service");
  var bridgeUrl = params.get("bridge") || (service ? service.replace(/\/+$/, "") + "/console/omnisync-bridge.js" : "");
  var tokenUrl = params.get("token") || "/token";
  var loadAs = params.get("load") || "script";

  /** Presence statuses as an org would have them; channels is a JSON string, as the toolkit gives it. */
  var STATUSES = [
    { statusId: "0N5xx0000000001AAA", statusName: "Available for Calls", statusApiName: "Available_for_Calls",
      channels: JSON.stringify([{ channelId: "0N9xx0000000001AAA", developerName: "Phone" }]) },
    { statusId: "0N5xx0000000002AAA", statusName: "Busy", statusApiName: "Busy", channels: "[]" },
    { statusId: "0N5xx0000000003AAA", statusName: "Lunch", statusApiName: "Lunch", channels: "[]" },
    { statusId: "0N5xx0000000004AAA", statusName: "On a Call", statusApiName: "On_a_Call", channels: "[]" },
  ];
  var CAPACITY = 4;
  var WORK_CHANNELS = {}; // workId -> service channel API name, for resolveWorkChannel

  var standIn = { calls: [], events: [], bridgeLog: [], tokensAsked: 0, bridge: null };
  window.standIn = standIn;

  var omni = { loggedIn: params.get("omni") !== "offline", status: STATUSES[0], workload: 0, works: 0 };

  // ---- the visible log ----------------------------------------------------------------------

  function now() {
    return new Date().toISOString().slice(11, 23);
  }

  function addRow(tbodyId, cells, cssClass) {
    var row = document.createElement("tr");
    if (cssClass) {
      row.className = cssClass;
    }
    cells.forEach(function (cell, index) {
      var td = document.createElement("td");
      td.className = ["when", "what", "detail"][index] || "";
      td.textContent = cell;
      row.appendChild(td);
    });
    document.getElementById(tbodyId).appendChild(row);
  }

  function recordCall(method, args, outcome, value) {
    standIn.calls.push({ method: method, args: args === undefined ? null : args, outcome: outcome, value: value });
    var detail = (args === undefined ? "()" : "(" + JSON.stringify(args) + ")") + " → " + outcome +
      (value === undefined ? "" : " " + (typeof value === "string" ? value : JSON.stringify(value)));
    addRow("toolkit-log", [now(), method, detail], outcome === "rejected" ? "rejected" : "");
  }

  function showOmni() {
    var presence = document.getElementById("omni-presence");
    presence.textContent = omni.loggedIn ? omni.status.statusName : "Offline (logged out)";
    presence.className = "badge " + (omni.loggedIn ? "online" : "offline");
    document.getElementById("omni-status-id").textContent = omni.loggedIn ? omni.status.statusId : "";
    document.getElementById("workload").textContent = omni.workload + " of " + CAPACITY + " units in use";
    Array.prototype.forEach.call(document.querySelectorAll("#status-buttons button"), function (button) {
      button.className = omni.loggedIn && button.getAttribute("data-status-id") === omni.status.statusId ? "current" : "";
    });
  }

  // ---- the stand-in toolkit (lightning:omniToolkitAPI) -------------------------------------

  /** Fires a toolkit event, as Salesforce would to every aura:handler of it. */
  function fire(name, eventParams) {
    standIn.events.push({ name: name, params: eventParams });
    addRow("toolkit-log", [now(), "event " + name, JSON.stringify(eventParams)], "");
    if (standIn.bridge) {
      standIn.bridge.handleToolkitEvent(name, eventParams);
    }
  }

  function statusById(statusId) {
    for (var i = 0; i < STATUSES.length; i++) {
      if (STATUSES[i].statusId === statusId) {
        return STATUSES[i];
      }
    }
    return null;
  }

  function changeStatus(status, reason) {
    omni.loggedIn = true;
    omni.status = status;
    showOmni();
    fire("omniChannelStatusChanged", {
      statusId: status.statusId,
      channels: status.channels,
      statusName: status.statusName,
      statusApiName: status.statusApiName,
      reason: reason,
    });
  }

  var toolkit = {
    /** Resolves {statusName, statusApiName, statusId}; rejects while the agent is logged out. */
    getServicePresenceStatusId: function () {
      if (!omni.loggedIn) {
        var offline = new Error("The agent is not logged in to Omni-Channel");
        recordCall("getServicePresenceStatusId", undefined, "rejected", offline.message);
        return Promise.reject(offline);
      }
      var current = { statusName: omni.status.statusName, statusApiName: omni.status.statusApiName,
        statusId: omni.status.statusId };
      recordCall("getServicePresenceStatusId", undefined, "resolved", current);
      return Promise.resolve(current);
    },

    /**
     * Resolves {statusName, statusApiName, statusId, channels}. Like Salesforce's, it logs a
     * logged-out agent in; it refuses when the page says so or the status is unknown.
     */
    setServicePresenceStatus: function (request) {
      var args = { statusId: request && request.statusId };
      var refuse = document.getElementById("refuse");
      if (refuse.checked) {
        refuse.checked = false;
        var refusal = new Error(document.getElementById("refusal-message").value);
        recordCall("setServicePresenceStatus", args, "rejected", refusal.message);
        return Promise.reject(refusal);
      }
      var status = statusById(args.statusId);
      if (!status) {
        var unknown = new Error("Invalid presence status ID: " + args.statusId);
        recordCall("setServicePresenceStatus", args, "rejected", unknown.message);
        return Promise.reject(unknown);
      }
      var result = { statusName: status.statusName, statusApiName: status.statusApiName, statusId: status.statusId,
        channels: status.channels };
      recordCall("setServicePresenceStatus", args, "resolved", result);
      setTimeout(function () {
        changeStatus(status, "OmniToolkitStatusChange");
      }, 0);
      return Promise.resolve(result);
    },

    login: function (request) {
      var status = statusById(request && request.statusId) || STATUSES[0];
      recordCall("login", request, "resolved", true);
      setTimeout(function () {
        changeStatus(status, "OmniLoginStatusChange");
      }, 0);
      return Promise.resolve(true);
    },

    logout: function () {
      recordCall("logout", undefined, "resolved", true);
      omni.loggedIn = false;
      showOmni();
      setTimeout(function () {
        fire("omniChannelLogout", { reason: "ManualLogout" });
      }, 0);
      return Promise.resolve(true);
    },
  };
  standIn.toolkit = toolkit;

  // ---- the page's controls: what an agent clicks in the Omni-Channel widget --------------------

  function setUpControls() {
    var buttons = document.getElementById("status-buttons");
    STATUSES.forEach(function (status) {
      var button = document.createElement("button");
      button.textContent = status.statusName;
      button.setAttribute("data-status-id", status.statusId);
      button.setAttribute("data-testid", "status-" + status.statusApiName);
      button.addEventListener("click", function () {
        changeStatus(status, "OmniManualStatusChange");
      });
      buttons.appendChild(button);
    });
    document.getElementById("login").addEventListener("click", function () {
      toolkit.login({ statusId: STATUSES[0].statusId });
    });
    document.getElementById("logout").addEventListener("click", function () {
      toolkit.logout();
    });
    document.getElementById("duplicate-login").addEventListener("click", function () {
      omni.loggedIn = false;
      showOmni();
      fire("omniChannelLogout", { reason: "DuplicateLoginInSameBrowser" });
    });
    document.getElementById("work-plus").addEventListener("click", function () {
      changeWorkload(1);
    });
    document.getElementById("work-minus").addEventListener("click", function () {
      changeWorkload(-1);
    });
    document.getElementById("accept-work").addEventListener("click", function () {
      omni.works += 1;
      var workId = "0Bzxx00000000" + String(omni.works).padStart(2, "0") + "AAA";
      WORK_CHANNELS[workId] = "Email";
      fire("omniChannelWorkAccepted", { workItemId: "500xx00000000" + String(omni.works).padStart(2, "0") + "AAA",
        workId: workId });
    });
    showOmni();
  }

  function changeWorkload(delta) {
    var previous = omni.workload;
    omni.workload = Math.max(0, Math.min(CAPACITY, previous + delta));
    showOmni();
    fire("omniChannelWorkloadChanged", { configuredCapacity: CAPACITY, previousWorkload: previous,
      newWorkload: omni.workload, configuredInterruptibleCapacity: 0, previousInterruptibleWorkload: 0,
      newInterruptibleWorkload: 0 });
  }

  // ---- the bridge, wired as the Aura component wires it -------------------------------------

  function getToken() {
    standIn.tokensAsked += 1;
    document.getElementById("token-count").textContent = String(standIn.tokensAsked);
    return fetch(tokenUrl, { method: "POST", cache: "no-store" }).then(function (response) {
      if (!response.ok) {
        throw new Error("token endpoint answered " + response.status);
      }
      return response.text();
    });
  }

  function showState(state) {
    var badge = document.getElementById("bridge-state");
    badge.textContent = state;
    badge.className = "badge " + state;
    standIn.state = state;
  }

  function log(level, message) {
    standIn.bridgeLog.push({ level: level, message: message });
    addRow("bridge-log", [now(), level, message], level === "error" || level === "warn" ? level : "");
  }

  function loadBridge() {
    if (loadAs === "module") {
      return import(bridgeUrl).then(function () {
        return window.OmnisyncBridge;
      });
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = bridgeUrl;
      script.onload = function () {
        resolve(window.OmnisyncBridge);
      };
      script.onerror = function () {
        reject(new Error("could not load " + bridgeUrl));
      };
      document.head.appendChild(script);
    });
  }

  function number(name) {
    var value = params.get(name);
    return value === null ? undefined : Number(value);
  }

  function startBridge(OmnisyncBridge) {
    document.getElementById("loaded-as").textContent = (loadAs === "module" ? "ES module" : "classic script") +
      ", transport " + (params.get("transport") || "auto");
    standIn.bridge = OmnisyncBridge.createOmnisyncBridge({
      baseUrl: service,
      getToken: getToken,
      toolkit: toolkit,
      log: log,
      onStateChange: showState,
      resolveWorkChannel: function (work) {
        return Promise.resolve(WORK_CHANNELS[work.workId] || null);
      },
      transport: params.get("transport") || undefined,
      idleTimeoutMs: number("idleMs"),
      backoffInitialMs: number("backoffMs"),
      backoffMaxMs: number("backoffMaxMs"),
    });
    standIn.bridge.start();
  }

  setUpControls();
  document.getElementById("service-url").textContent = service || "(no ?service= given)";
  if (!service) {
    showState("stopped");
    log("error", "no ?service= parameter: nothing to connect to");
    return;
  }
  loadBridge().then(startBridge, function (error) {
    showState("stopped");
    log("error", error.message);
  });
})();
