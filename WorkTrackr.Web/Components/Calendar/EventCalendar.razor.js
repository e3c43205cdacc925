// EventCalendar.razor's side in the browser: EventCalendar (npm @event-calendar/build, served from wwwroot/lib) on the
// component's element, with every date in wall-clock time of the user's zone. The calendar is given dates without an
// offset, which it draws as given, and its dates are read back by their local fields, so the browser's own zone never
// shifts them (only a wall-clock time the browser's zone skips could not be shown; the server refuses those anyway).
// The page converts between UTC and the user's zone.
//
// The calendar lives in a <wt-event-calendar> element, defined here (App.razor loads this module on every page). A
// prerendered page carries the calendar's options in data-options, so the element draws it, read-only, as soon as the
// page and the library are in. When the circuit starts, Blazor replaces the prerendered markup with the live render:
// the live element (same data-key) takes over the drawn calendar in the same task, so nothing flickers, and create()
// makes it live (editable, and talking to .NET). Without a prerender (a page reached by in-app navigation), create()
// draws it.

import { loadScript, loadStyle } from "../../js/load.js";

const views = { Day: "timeGridDay", Week: "timeGridWeek", Month: "dayGridMonth", LanesDay: "resourceTimeGridDay", LanesWeek: "resourceTimelineWeek" };

// A wall-clock string of a calendar date, from its local fields.
const two = n => String(n).padStart(2, "0");
const wall = d => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
const escape = text => String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
// A title that starts with a number (a ticket's T-000154) keeps the number on one line.
const numbered = title => escape(title).replace(/^([A-Z]+-\d+)(?=\s)/, '<span class="wt-event-number">$1</span>');
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
    // .NET is there only once the page is live; until then the calendar is read-only and reports nothing.
    const call = (method, ...args) => state.dotnet?.invokeMethodAsync(method, ...args);
    const answer = (method, info) => state.dotnet ? answerFor(state.dotnet, method, info) : info.revert();
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
        datesSet: info => {
            state.range = [wall(info.start), wall(info.end), info.view.title];
            call("BrowserRangeChanged", ...state.range);
        },
        eventDrop: info => answer("BrowserMoved", info),
        eventResize: info => answer("BrowserResized", info),
        select: info => {
            state.ec.unselect();
            call("BrowserSelected", wall(info.start), wall(info.end), info.allDay, info.resource?.id ?? null);
        },
        dateClick: info => {
            if (!state.selectable) return;
            const end = new Date(info.date.getTime() + (info.allDay ? 86400000 : 1800000));
            call("BrowserSelected", wall(info.date), wall(end), info.allDay, info.resource?.id ?? null);
        },
        eventClick: info => call("BrowserClicked", info.event.id),
        // The box's content, drawn again whenever the event changes: its time and title, and for screen readers and the
        // hover tooltip its whole description (the library's own content puts a heading inside what is a button here).
        eventContent: info => {
            const description = escape(info.event.extendedProps.description ?? info.event.title);
            const time = info.event.allDay ? "" : `<span class="wt-event-time">${hhmm(info.event.start)}–${hhmm(info.event.end)}</span> `;
            // A half hour or less is one line, cut with an ellipsis (the tooltip and screen readers have it all).
            const short = !info.event.allDay && info.event.end - info.event.start <= 30 * 60000 ? " wt-event-short" : "";
            return { html: `<span class="wt-event-body${short}" title="${description}"><span aria-hidden="true">${time}<span class="wt-event-title">${numbered(info.event.title)}</span></span><span class="wt-sr-only">${description}</span></span>` };
        },
        eventDidMount: info => {
            const el = info.el, props = info.event.extendedProps;
            for (const [key, value] of Object.entries(props.data ?? {})) el.dataset[key] = value;
            if (info.event.backgroundColor) el.style.setProperty("--wt-colour", info.event.backgroundColor);
            // The library itself makes each box a button (role, tabindex, Enter and Space run eventClick).
        },
    };
}

// EventCalendar marks its grid up as a table (rows of day cells) but puts the event buttons between the rows, which is
// no table a screen reader can walk (axe: aria-required-children). So the grid is left as plain boxes, also as the
// library draws new ones: each event button says its own day, time and title (CalendarEvent.Description).
const tableAttributes = ["role", "aria-colindex", "aria-rowindex", "aria-colspan", "aria-rowspan"];
const tableBoxes = "[role=table],[role=rowgroup],[role=row],[role=cell],[role=columnheader],[role=rowheader],[aria-colindex],[aria-rowindex]";
function plainBoxes(container) {
    for (const box of container.querySelectorAll(tableBoxes)) {
        for (const name of tableAttributes) box.removeAttribute(name);
    }
}

// Draws a calendar into a div of its own inside the element: the div, with its listeners, is what a live element takes over.
async function draw(element, o, dotnet) {
    await Promise.all([loadStyle(o.styleUrl), loadScript(o.scriptUrl)]);
    const container = document.createElement("div");
    const state = { dotnet, container, selectable: o.selectable, dragged: null, range: null, destroyed: false };
    element.append(container);
    state.ec = EventCalendar.create(container, options(state, o));
    state.plain = new MutationObserver(() => plainBoxes(container));
    state.plain.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: tableAttributes });
    plainBoxes(container);

    // Drops from outside: an element with data-calendar-item and draggable="true", dropped where dateFromPoint finds a day.
    state.onDragStart = e => {
        const item = e.target instanceof Element ? e.target.closest("[data-calendar-item]") : null;
        if (!item || !state.dotnet) return;
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
        if (at) state.dotnet?.invokeMethodAsync("BrowserDropped", item, wall(at.date), at.allDay, at.resource?.id ?? null);
    };
    document.addEventListener("dragstart", state.onDragStart);
    document.addEventListener("dragend", state.onDragEnd);
    container.addEventListener("dragover", state.onDragOver);
    container.addEventListener("drop", state.onDrop);
    return state;
}

// Calendars whose element has just left the page, by data-key, for one task: long enough for the live element that
// replaces a prerendered one to take its calendar over; otherwise they are let go.
const leaving = new Map();

class EventCalendarElement extends HTMLElement {
    // The element's calendar, once drawn (a promise, as drawing waits for the library).
    calendar = null;

    connectedCallback() {
        const key = this.dataset.key;
        const left = key ? leaving.get(key) : undefined;
        if (left) {
            leaving.delete(key);
            clearTimeout(left.timer);
            this.calendar = left.calendar.then(state => { if (!state.destroyed) this.append(state.container); return state; });
        } else if (this.dataset.options && !this.calendar) {
            this.calendar = draw(this, JSON.parse(this.dataset.options), null);
        }
    }

    disconnectedCallback() {
        const calendar = this.calendar;
        this.calendar = null;
        if (!calendar) return;
        const letGo = () => calendar.then(destroy, () => { /* it was never drawn */ });
        const key = this.dataset.key;
        if (!key) { letGo(); return; }
        leaving.set(key, { calendar, timer: setTimeout(() => { leaving.delete(key); letGo(); }, 0) });
    }
}

if (!customElements.get("wt-event-calendar")) customElements.define("wt-event-calendar", EventCalendarElement);

// The live component's calendar: the one the element drew from the prerendered page (or took over), made live with
// the live options, or a new one. Returns the state the other calls take.
export async function create(element, dotnet, o) {
    if (!element.calendar) {
        element.calendar = draw(element, o, dotnet);
        return element.calendar;
    }
    let state;
    try {
        state = await element.calendar;
    } catch {
        // The prerendered page could not draw it (the library did not load): try again, now for the live page.
        element.calendar = draw(element, o, dotnet);
        return element.calendar;
    }
    state.dotnet = dotnet;
    update(state, o);
    state.selectable = o.selectable;
    state.ec.setOption("selectable", o.selectable);
    // The range it opened on, which it reported before anyone listened.
    if (state.range) dotnet.invokeMethodAsync("BrowserRangeChanged", ...state.range);
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
    if (state.destroyed) return;
    state.destroyed = true;
    state.plain.disconnect();
    document.removeEventListener("dragstart", state.onDragStart);
    document.removeEventListener("dragend", state.onDragEnd);
    state.container.removeEventListener("dragover", state.onDragOver);
    state.container.removeEventListener("drop", state.onDrop);
    EventCalendar.destroy(state.ec);
    state.container.remove();
}
