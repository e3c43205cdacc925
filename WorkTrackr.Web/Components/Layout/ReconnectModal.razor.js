// Drives the reconnect dialog from .NET 10's components-reconnect-state-changed event (after the Blazor Web App template).
const dialog = document.getElementById("components-reconnect-modal");
dialog.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
document.getElementById("components-reload-button").addEventListener("click", () => location.reload());

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
        case "paused":
            if (!dialog.open) dialog.showModal();
            break;
        case "hide":
            dialog.close();
            break;
        case "failed":
            // Try again by itself when the person comes back to the tab.
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            // The server no longer has this circuit (it restarted, or dropped it after a long disconnection):
            // resume from the state it persisted if it can, else start afresh.
            resume();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but no longer knows the circuit; throws: unreachable.
        if (!await Blazor.reconnect()) await resume();
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (await Blazor.resumeCircuit()) {
            dialog.close();
            return;
        }
    } catch {
        // fall through to a reload
    }
    location.reload();
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") await retry();
}
