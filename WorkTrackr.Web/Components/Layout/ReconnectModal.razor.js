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
        // true: reconnected to the same circuit (a "hide" follows); false: the server answered but no longer has it,
        // so resume it from the state it persisted; it throws while the server cannot be reached.
        if (await Blazor.reconnect()) return;
        await resume();
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

// A resume asked for here raises no "hide", so the dialog closes itself; with nothing to resume, start afresh.
async function resume() {
    let resumed = false;
    try {
        resumed = await Blazor.resumeCircuit();
    } catch {
        // nothing to resume from
    }
    if (resumed) dialog.close();
    else location.reload();
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") await retry();
}
