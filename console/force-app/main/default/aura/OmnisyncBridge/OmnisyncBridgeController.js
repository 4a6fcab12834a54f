({
    onBridgeLoaded: function (component, event, helper) {
        helper.start(component);
    },

    onStatusChanged: function (component, event, helper) {
        helper.report(component, "omniChannelStatusChanged", event.getParams());
    },

    onLogout: function (component, event, helper) {
        helper.report(component, "omniChannelLogout", event.getParams());
    },

    onWorkloadChanged: function (component, event, helper) {
        helper.report(component, "omniChannelWorkloadChanged", event.getParams());
    },

    onWorkAccepted: function (component, event, helper) {
        helper.report(component, "omniChannelWorkAccepted", event.getParams());
    },

    onDestroy: function (component, event, helper) {
        helper.stop(component);
    }
})
