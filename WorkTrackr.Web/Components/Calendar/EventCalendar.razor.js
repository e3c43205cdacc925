// EventCalendar.razor's side in the browser: EventCalendar (npm @event-calendar/build, served from wwwroot/lib) on the
// component's element, with every date in wall-clock time of the user's zone. The calendar is given dates without an
// offset, which it draws as given, and its dates are read back by their local fields, so the browser's own zone never
// shifts them (only a wall-clock time the browser's zone skips could not be shown; the server refuses those anyway).
// The page converts between UTC and the user's zone.

import { loadScript, loadStyle } from "../../js/load.js";

const views = { Day: "timeGridDay", Week: "timeGridWeek", Month: "dayGridMonth", LanesDay: "resourceTimeGridDay", LanesWeek: "resourceTimelineWeek" };

// A wall-clock string of a calendar date, from its local fields.
const two = n => String(n).padStart(2, "0");
const wall = d => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
const escape = text => String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const hhmm = d => `${two(d.getHours())}:${two(d.getMinutes())}`;

function toEvent(e) {
    return {
        id: e.id, title: e.title, start: e.start, end: e.end,
        resourceIds: e.resourceId ? [e.resourceId] : [],
        backgroundColor: e.colour ?? undefined, textColor: e.textColour ?? undefined,
        editable: e.editable, classNames: e.faded ? ["wt-faded"] : [],
        extendedProps: { description: e.description, data: e.data ?? {} },
    };
}

function change(info) {
    return {
        eventId: info.event.id, start: wall(info.event.start), end: wall(info.event.end),
        oldStart: wall(info.oldEvent.start), oldEnd: wall(info.oldEvent.end),
        resourceId: info.newResource?.id ?? info.event.resourceIds?.[0] ?? null,
        resourceChanged: info.newResource !== undefined && info.newResource !== null,
    };
}

// A move or resize stays only when the page says it saved it; an error on the way counts as no.
async function answerFor(dotnet, method, info) {
    let saved = false;
    try { saved = await dotnet.invokeMethodAsync(method, change(info)); } catch { saved = false; }
    if (!saved) info.revert();
}

function options(state, o) {
    const dotnet = state.dotnet;
    const answer = (method, info) => answerFor(dotnet, method, info);
    return {
        view: views[o.view], date: o.date, firstDay: o.firstDay, locale: o.locale,
        dayHeaderFormat: { weekday: "short", day: "numeric", month: "short" },
        headerToolbar: { start: "", center: "", end: "" },
        height: o.height, slotMinTime: o.slotMinTime, slotMaxTime: o.slotMaxTime, scrollTime: o.scrollTime,
        slotDuration: "00:30", snapDuration: "00:15", nowIndicator: true, dayMaxEvents: true,
        // The week of lanes: a row per technician, a column per day (time of day shows in each box), as dispatch boards are.
        views: {
            // Whole-day columns: an edge dragged there would stretch a visit by days, so no resizing in this view.
            resourceTimelineWeek: { slotDuration: { days: 1 }, slotWidth: 96, eventDurationEditable: false, slotLabelFormat: { weekday: "short", day: "numeric", month: "short" } },
            dayGridMonth: { dayHeaderFormat: { weekday: "short" } },
        },
        editable: o.editable, selectable: o.selectable, eventDurationEditable: o.editable, eventStartEditable: o.editable,
        eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
        slotLabelFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
        resources: o.resources, events: o.events.map(toEvent),
        datesSet: info => dotnet.invokeMethodAsync("BrowserRangeChanged", wall(info.start), wall(info.end), info.view.title),
        eventDrop: info => answer("BrowserMoved", info),
        eventResize: info => answer("BrowserResized", info),
        select: info => {
            state.ec.unselect();
            dotnet.invokeMethodAsync("BrowserSelected", wall(info.start), wall(info.end), info.allDay, info.resource?.id ?? null);
        },
        dateClick: info => {
            if (!o.selectable) return;
            const end = new Date(info.date.getTime() + (info.allDay ? 86400000 : 1800000));
            dotnet.invokeMethodAsync("BrowserSelected", wall(info.date), wall(end), info.allDay, info.resource?.id ?? null);
        },
        eventClick: info => dotnet.invokeMethodAsync("BrowserClicked", info.event.id),
        // The box's content, drawn again whenever the event changes: its time and title, and for screen readers and the
        // hover tooltip its whole description (the library's own content puts a heading inside what is a button here).
        eventContent: info => {
            const description = escape(info.event.extendedProps.description ?? info.event.title);
            const time = info.event.allDay ? "" : `<span class="wt-event-time">${hhmm(info.event.start)}–${hhmm(info.event.end)}</span> `;
            return { html: `<span class="wt-event-body" title="${description}"><span aria-hidden="true">${time}<span class="wt-event-title">${escape(info.event.title)}</span></span><span class="wt-sr-only">${description}</span></span>` };
        },
        eventDidMount: info => {
            const el = info.el, props = info.event.extendedProps;
            for (const [key, value] of Object.entries(props.data ?? {})) el.dataset[key] = value;
            if (info.event.backgroundColor) el.style.setProperty("--wt-colour", info.event.backgroundColor);
            // The library itself makes each box a button (role, tabindex, Enter and Space run eventClick).
        },
    };
}

export async function create(element, dotnet, o) {
    await Promise.all([
        loadStyle(o.styleUrl),
        loadScript(o.scriptUrl),
    ]);
    const state = { dotnet, element, dragged: null };
    state.ec = EventCalendar.create(element, options(state, o));

    // Drops from outside: an element with data-calendar-item and draggable="true", dropped where dateFromPoint finds a day.
    state.onDragStart = e => {
        const item = e.target instanceof Element ? e.target.closest("[data-calendar-item]") : null;
        if (!item) return;
        state.dragged = item.dataset.calendarItem;
        e.dataTransfer.setData("text/plain", state.dragged);
        e.dataTransfer.effectAllowed = "move";
    };
    state.onDragEnd = () => { state.dragged = null; };
    state.onDragOver = e => { if (state.dragged) { e.preventDefault(); e.dataTransfer.dropEffect = "move"; } };
    state.onDrop = e => {
        if (!state.dragged) return;
        e.preventDefault();
        const at = state.ec.dateFromPoint(e.clientX, e.clientY);
        const item = state.dragged;
        state.dragged = null;
        if (at) dotnet.invokeMethodAsync("BrowserDropped", item, wall(at.date), at.allDay, at.resource?.id ?? null);
    };
    document.addEventListener("dragstart", state.onDragStart);
    document.addEventListener("dragend", state.onDragEnd);
    element.addEventListener("dragover", state.onDragOver);
    element.addEventListener("drop", state.onDrop);
    return state;
}

// Only what changed since the last call: the events, the lanes, the view or the day on show.
export function update(state, o) {
    if (o.events) state.ec.setOption("events", o.events.map(toEvent));
    if (o.resources) state.ec.setOption("resources", o.resources);
    if (o.view) state.ec.setOption("view", views[o.view]);
    if (o.date) state.ec.setOption("date", o.date);
    if (o.editable !== undefined && o.editable !== null) {
        for (const name of ["editable", "eventDurationEditable", "eventStartEditable"]) state.ec.setOption(name, o.editable);
    }
}

export function destroy(state) {
    document.removeEventListener("dragstart", state.onDragStart);
    document.removeEventListener("dragend", state.onDragEnd);
    state.element.removeEventListener("dragover", state.onDragOver);
    state.element.removeEventListener("drop", state.onDrop);
    EventCalendar.destroy(state.ec);
}
