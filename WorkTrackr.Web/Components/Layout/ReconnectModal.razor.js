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
            // blazor.web.js has already tried to reconnect and then to resume the circuit from the state the server
            // persisted for it; neither worked, so start afresh.
            location.reload();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // reconnect: true when reconnected, false when the server answered but no longer has the circuit (then resume
        // it from its persisted state), and it throws while the server cannot be reached.
        if (!await Blazor.reconnect() && !await Blazor.resumeCircuit()) location.reload();
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (await Blazor.resumeCircuit()) return;
    } catch {
        // fall through to a reload
    }
    location.reload();
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") await retry();
}
