({
    /** Per component instance (helpers are shared): {bridge, early: [toolkit events before the script loaded]}. */
    instances: {},

    /** Toolkit events kept while the script loads; more than this and the oldest go. */
    EARLY_EVENTS: 50,

    start: function (component) {
        var helper = this;
        var instance = helper.instanceOf(component);
        var url = component.get("v.omnisyncUrl");
        if (!url) {
            console.error("Omnisync bridge: set the Omnisync URL in the utility item's properties (App Manager).");
            return;
        }
        if (!window.OmnisyncBridge) {
            console.error("Omnisync bridge: the OmnisyncBridge static resource did not define window.OmnisyncBridge.");
            return;
        }
        var omniToolkit = component.find("omniToolkit");
        var debug = component.get("v.debug") === true;
        // The bridge calls back from fetch and timers, outside Aura's lifecycle: $A.getCallback puts
        // those calls (an Apex action, a toolkit call) back inside it.
        instance.bridge = window.OmnisyncBridge.createOmnisyncBridge({
            baseUrl: url,
            getToken: $A.getCallback(function () {
                return helper.callApex(component, "c.mintToken", {});
            }),
            resolveWorkChannel: $A.getCallback(function (work) {
                return helper.callApex(component, "c.workChannel", { workId: work.workId });
            }),
            toolkit: {
                getServicePresenceStatusId: $A.getCallback(function () {
                    return omniToolkit.getServicePresenceStatusId();
                }),
                setServicePresenceStatus: $A.getCallback(function (request) {
                    return omniToolkit.setServicePresenceStatus({ statusId: request.statusId });
                })
            },
            log: function (level, message) {
                if (level === "error" || level === "warn") {
                    console[level]("Omnisync bridge: " + message);
                } else if (debug) {
                    console.log("Omnisync bridge: " + message);
                }
            }
        });
        instance.early.forEach(function (early) {
            instance.bridge.handleToolkitEvent(early.name, early.params);
        });
        instance.early = [];
        instance.bridge.start();
    },

    report: function (component, name, params) {
        var instance = this.instanceOf(component);
        if (instance.bridge) {
            instance.bridge.handleToolkitEvent(name, params);
            return;
        }
        instance.early.push({ name: name, params: params });
        if (instance.early.length > this.EARLY_EVENTS) {
            instance.early.shift();
        }
    },

    /** The utility item is going away (the console closes or reloads): abort the stream and its timers. */
    stop: function (component) {
        var key = component.getGlobalId();
        var instance = this.instances[key];
        if (instance && instance.bridge) {
            instance.bridge.stop();
        }
        delete this.instances[key];
    },

    instanceOf: function (component) {
        var key = component.getGlobalId();
        if (!this.instances[key]) {
            this.instances[key] = { bridge: null, early: [] };
        }
        return this.instances[key];
    },

    /** Runs an @AuraEnabled method; a Promise of its return value, rejected with the server's message. */
    callApex: function (component, name, params) {
        return new Promise(function (resolve, reject) {
            if (!component.isValid()) {
                reject(new Error("the Omnisync bridge component was destroyed"));
                return;
            }
            var action = component.get(name);
            action.setParams(params);
            action.setCallback(this, function (response) {
                if (response.getState() === "SUCCESS") {
                    resolve(response.getReturnValue());
                    return;
                }
                var errors = response.getError() || [];
                var message = errors.length > 0 && errors[0] && errors[0].message ? errors[0].message : response.getState();
                reject(new Error(name + ": " + message));
            });
            $A.enqueueAction(action);
        });
    }
})
