using Bunit;
using Microsoft.AspNetCore.Components;
using WorkTrackr.Web.Components.Calendar;

namespace WorkTrackr.Tests.Components.Calendar;

/// <summary>
/// The calendar wrapper: what it hands its JS module (the view, the day, the events in wall-clock time, only what
/// changed afterwards), what its toolbar does with the day on show, and how the browser's reports of a range, a move,
/// a resize, a free time and a drop come back as the page's callbacks.
/// </summary>
[Trait("Category", "Component")]
public sealed class EventCalendarTests : ComponentTest
{
    private const string Module = "./Components/Calendar/EventCalendar.razor.js";
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    private readonly BunitJSModuleInterop module;

    public EventCalendarTests()
    {
        module = Context.JSInterop.SetupModule(Module);
        module.SetupModule("create", _ => true);
        module.SetupVoid("update", _ => true);
        module.SetupVoid("destroy", _ => true);
    }

    private static readonly CalendarEvent Visit = new("t1", "T-000001 Boiler service", new DateTime(2026, 12, 2, 9, 0, 0), new DateTime(2026, 12, 2, 11, 0, 0))
    {
        ResourceId = "tech-1", Data = new Dictionary<string, string> { ["ticket"] = "T-000001" },
    };

    private IRenderedComponent<EventCalendar> Render(Action<ComponentParameterCollectionBuilder<EventCalendar>>? more = null,
        CalendarView view = CalendarView.Week, DateOnly? date = null) =>
        Context.Render<EventCalendar>(p =>
        {
            p.Add(c => c.Date, date ?? Wednesday).Add(c => c.Today, Wednesday).Add(c => c.View, view).Add(c => c.Events, [Visit]);
            more?.Invoke(p);
        });

    private static object? Option(JSRuntimeInvocation invocation, string name) =>
        invocation.Arguments[2]!.GetType().GetProperty(name)!.GetValue(invocation.Arguments[2]);

    [Fact]
    public void It_creates_the_calendar_with_the_view_the_day_and_the_events()
    {
        Render(p => p.Add(c => c.Editable, true).Add(c => c.Resources, [new CalendarResource("tech-1", "Taylor Tech")]));

        var create = module.VerifyInvoke("create");
        Assert.Equal("Week", Option(create, "view"));
        Assert.Equal("2026-12-02", Option(create, "date"));
        Assert.Equal(true, Option(create, "editable"));
        var events = Assert.IsAssignableFrom<IReadOnlyList<CalendarEvent>>(Option(create, "events"));
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0), Assert.Single(events).Start);
        Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<CalendarResource>>(Option(create, "resources")));
    }

    [Fact]
    public void Afterwards_only_what_changed_goes_to_the_browser()
    {
        var cut = Render();

        cut.Render(p => p.Add(c => c.View, CalendarView.LanesDay));

        var update = module.VerifyInvoke("update");
        var changed = Assert.IsAssignableFrom<IDictionary<string, object?>>(update.Arguments[1]);
        Assert.Equal(["view"], changed.Keys);
        Assert.Equal("LanesDay", changed["view"]);
    }

    [Theory]
    [InlineData(CalendarView.Day, "2026-12-03")]
    [InlineData(CalendarView.LanesDay, "2026-12-03")]
    [InlineData(CalendarView.Week, "2026-12-09")]
    [InlineData(CalendarView.LanesWeek, "2026-12-09")]
    [InlineData(CalendarView.Month, "2027-01-02")]
    public void Next_moves_the_day_on_show_by_the_views_own_step(CalendarView view, string expected)
    {
        DateOnly? moved = null;
        var cut = Render(p => p.Add(c => c.DateChanged, d => moved = d), view);

        cut.Button(view is CalendarView.Month ? "Next month" : view is CalendarView.Week or CalendarView.LanesWeek ? "Next week" : "Next day").Click();

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), moved);
    }

    [Fact]
    public void Today_goes_back_to_today()
    {
        DateOnly? moved = null;
        var cut = Render(p => p.Add(c => c.DateChanged, d => moved = d), date: Wednesday.AddDays(40));

        cut.Button("Today").Click();

        Assert.Equal(Wednesday, moved);
    }

    [Fact]
    public async Task The_browsers_range_shows_as_the_title_and_reaches_the_page()
    {
        CalendarRange? loaded = null;
        var cut = Render(p => p.Add(c => c.RangeChanged, r => loaded = r));

        await cut.InvokeAsync(() => cut.Instance.BrowserRangeChanged("2026-11-29T00:00:00", "2026-12-06T00:00:00", "29 Nov – 5 Dec 2026"));

        Assert.Equal(new CalendarRange(new DateTime(2026, 11, 29), new DateTime(2026, 12, 6), "29 Nov – 5 Dec 2026"), loaded);
        Assert.Equal("29 Nov – 5 Dec 2026", cut.ByTestId("calendar-range").TextContent);
    }

    [Fact]
    public async Task A_move_and_a_resize_reach_the_page_which_answers_whether_it_took_them()
    {
        var changes = new List<CalendarChange>();
        var cut = Render(p => p
            .Add(c => c.EventMoved, change => { changes.Add(change); return Task.FromResult(true); })
            .Add(c => c.EventResized, change => { changes.Add(change); return Task.FromResult(false); }));

        var moved = await cut.InvokeAsync(() => cut.Instance.BrowserMoved(new EventCalendar.ChangeFromBrowser(
            "t1", "2026-12-03T13:00:00", "2026-12-03T15:00:00", "2026-12-02T09:00:00", "2026-12-02T11:00:00", "tech-2", true)));
        var resized = await cut.InvokeAsync(() => cut.Instance.BrowserResized(new EventCalendar.ChangeFromBrowser(
            "t1", "2026-12-02T09:00:00", "2026-12-02T12:00:00", "2026-12-02T09:00:00", "2026-12-02T11:00:00", "tech-1", false)));

        Assert.True(moved);
        Assert.False(resized);
        Assert.Equal(new CalendarChange("t1", new DateTime(2026, 12, 3, 13, 0, 0), new DateTime(2026, 12, 3, 15, 0, 0),
            new DateTime(2026, 12, 2, 9, 0, 0), new DateTime(2026, 12, 2, 11, 0, 0), "tech-2", true), changes[0]);
        Assert.Equal(new DateTime(2026, 12, 2, 12, 0, 0), changes[1].End);
    }

    [Fact]
    public async Task Without_a_handler_a_move_is_refused()
    {
        var cut = Render();

        var moved = await cut.InvokeAsync(() => cut.Instance.BrowserMoved(new EventCalendar.ChangeFromBrowser(
            "t1", "2026-12-03T13:00:00", "2026-12-03T15:00:00", "2026-12-02T09:00:00", "2026-12-02T11:00:00", null, false)));

        Assert.False(moved);
    }

    [Fact]
    public async Task A_free_time_a_click_and_a_drop_reach_the_page()
    {
        CalendarSlot? slot = null;
        string? clicked = null;
        CalendarDrop? dropped = null;
        var cut = Render(p => p
            .Add(c => c.SlotSelected, s => slot = s)
            .Add(c => c.EventClicked, id => clicked = id)
            .Add(c => c.ItemDropped, d => dropped = d));

        await cut.InvokeAsync(() => cut.Instance.BrowserSelected("2026-12-02T20:00:00", "2026-12-02T20:30:00", false, "tech-1"));
        await cut.InvokeAsync(() => cut.Instance.BrowserClicked("t1"));
        await cut.InvokeAsync(() => cut.Instance.BrowserDropped("ticket-9", "2026-12-02T19:00:00", false, "tech-3"));

        Assert.Equal(new CalendarSlot(new DateTime(2026, 12, 2, 20, 0, 0), new DateTime(2026, 12, 2, 20, 30, 0), false, "tech-1"), slot);
        Assert.Equal("t1", clicked);
        Assert.Equal(new CalendarDrop("ticket-9", new DateTime(2026, 12, 2, 19, 0, 0), false, "tech-3"), dropped);
    }

    [Fact]
    public void The_toolbar_offers_the_views_it_is_given()
    {
        var cut = Render(p => p.Add(c => c.Views, [CalendarView.Day, CalendarView.LanesDay]));

        var group = cut.ByRole("group", "Calendar view");
        Assert.Equal(["Day", "Lanes: day"], group.QuerySelectorAll("[role=checkbox]").Select(e => e.TextContent.Trim()).ToArray());
    }

    [Theory]
    [InlineData(CalendarView.Day, 0, "2026-12-02", "2026-12-03")]
    [InlineData(CalendarView.LanesDay, 0, "2026-12-02", "2026-12-03")]
    [InlineData(CalendarView.Week, 0, "2026-11-29", "2026-12-06")]
    [InlineData(CalendarView.LanesWeek, 1, "2026-11-30", "2026-12-07")]
    [InlineData(CalendarView.Week, 3, "2026-12-02", "2026-12-09")]
    public void The_first_range_is_the_one_the_browser_will_report(CalendarView view, int firstDay, string start, string end)
    {
        var range = EventCalendar.RangeOf(view, Wednesday, firstDay);

        Assert.Equal((DateTime.Parse(start, CultureInfo.InvariantCulture), DateTime.Parse(end, CultureInfo.InvariantCulture)), range);
    }

    [Fact]
    public void The_month_leaves_its_range_to_the_browser() => Assert.Null(EventCalendar.RangeOf(CalendarView.Month, Wednesday));

    [Fact]
    public void Prerendered_it_gives_its_element_the_calendar_to_draw_read_only_and_has_the_browser_fetch_the_library()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render(p => p.Add(c => c.Editable, true).Add(c => c.Selectable, true).Add(c => c.Key, "dispatch"));

        var element = cut.Find("wt-event-calendar");
        Assert.Equal("dispatch", element.GetAttribute("data-key"));
        using var options = System.Text.Json.JsonDocument.Parse(element.GetAttribute("data-options")!);
        var root = options.RootElement;
        Assert.Equal(("Week", "2026-12-02"), (root.GetProperty("view").GetString(), root.GetProperty("date").GetString()));
        // Nothing could answer a drag or a click on a free time before the page is live.
        Assert.False(root.GetProperty("editable").GetBoolean());
        Assert.False(root.GetProperty("selectable").GetBoolean());
        var visit = Assert.Single(root.GetProperty("events").EnumerateArray().ToList());
        Assert.Equal(("t1", "2026-12-02T09:00:00", "tech-1"), (visit.GetProperty("id").GetString(), visit.GetProperty("start").GetString(), visit.GetProperty("resourceId").GetString()));
        Assert.Equal("T-000001", visit.GetProperty("data").GetProperty("ticket").GetString());

        Assert.Equal(["lib/event-calendar/event-calendar.min.js", "lib/event-calendar/event-calendar.min.css"],
            cut.FindAll("link[rel=preload]").Select(l => l.GetAttribute("href")!).ToArray());
    }

    [Fact]
    public void Live_its_element_takes_over_by_its_key_and_preloads_nothing_more()
    {
        var cut = Render(p => p.Add(c => c.Key, "dispatch"));

        var element = cut.Find("wt-event-calendar");
        Assert.Equal("dispatch", element.GetAttribute("data-key"));
        Assert.False(element.HasAttribute("data-options"));
        Assert.Empty(cut.FindAll("link"));
        module.VerifyInvoke("create");
    }
}
