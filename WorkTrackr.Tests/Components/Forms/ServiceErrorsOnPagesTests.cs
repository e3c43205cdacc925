using AngleSharp.Dom;
using Bunit;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Calendar;
using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Components.Forms;

/// <summary>
/// Pages whose errors used to be looked up by string keys now show them through ResultValidator: each message beside
/// the field it is about, on forms whose model had to be given that field (a list's row, a dialog's loose values).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServiceErrorsOnPagesTests(SqliteApp app) : AppComponentTest(app)
{
    [Fact]
    public async Task An_sla_target_out_of_range_is_refused_beside_its_priority()
    {
        await SignInAsync(Roles.Admin);
        var cut = Context.Render<SlaSettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.AllByTestId("response-hours")));

        await Labelled(Row(cut, TicketPriority.Medium), "Medium response hours").TypeAsync("0");
        await cut.Button("Save targets").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Between a minute and 8760 hours."], FieldMessages(Row(cut, TicketPriority.Medium))));
        Assert.Empty(FieldMessages(Row(cut, TicketPriority.High)));
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public async Task Voiding_without_a_reason_is_refused_beside_the_reason()
    {
        var manager = await SignInAsync(Roles.Manager);
        var draft = await Factory.RunAsAsync(manager, (InvoiceDrafts s) => s.CreateDraftAsync(new InvoiceInput
        {
            ContactId = Organisation.RowIds[typeof(Contact)],
            Lines = [new InvoiceLineInput { Description = "Call-out", Quantity = 1, UnitPrice = 10 }],
        }));
        var version = (await Factory.RunAsAsync(manager, (InvoiceQueries s) => s.GetAsync(draft.Value))).Value!.Version;
        Assert.True((await Factory.RunAsAsync(manager, (InvoiceIssuing s) => s.IssueAsync(draft.Value, version))).Succeeded);
        _ = Popovers;
        var cut = Context.Render<InvoicePage>(p => p.Add(x => x.Id, draft.Value));
        cut.WaitForAssertion(() => cut.ByTestId("void-invoice"));

        await cut.ByTestId("void-invoice").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Say why the invoice is void; it is kept with it."], cut.ByTestId("void-reason").Messages()));
        Assert.Empty(cut.ByTestId("paid-on").Messages());
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public async Task An_empty_comment_is_refused_beside_the_comment_box()
    {
        await SignInAsync(Roles.Dispatcher);
        _ = Popovers;
        var cut = Context.Render<TicketPage>(p => p.Add(x => x.Id, Organisation.RowIds[typeof(Ticket)]));
        cut.WaitForAssertion(() => cut.ByTestId("add-comment"));

        await cut.ByTestId("add-comment").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Write something first."], cut.ByTestId("comment").Messages()));
    }

    [Fact]
    public async Task A_schedule_without_a_start_is_refused_beside_the_times()
    {
        var dispatcher = await SignInAsync(Roles.Dispatcher);
        var ticketId = Organisation.RowIds[typeof(Ticket)];
        var ticket = (await Factory.RunAsAsync(dispatcher, (TicketService s) => s.GetAsync(ticketId))).Value!;
        // A MudDialog shows only inside the dialog provider, opened through the dialog service as the calendar opens it.
        _ = Popovers;
        var cut = Context.Render<MudBlazor.MudDialogProvider>();
        await cut.InvokeAsync(() => Context.Services.GetRequiredService<MudBlazor.IDialogService>().ShowAsync<ScheduleDialog>("Schedule ticket",
            new MudBlazor.DialogParameters<ScheduleDialog> { { x => x.TicketId, ticketId }, { x => x.Label, ticket.Title }, { x => x.Version, ticket.Version } }));
        cut.WaitForAssertion(() => cut.ByTestId("schedule-save"));

        await cut.ByTestId("schedule-save").ClickAsync();

        // Beside the start, where DateTimeField shows its bound field's messages (and nowhere else).
        cut.WaitForAssertion(() => Assert.Contains("Pick a start, or use Unschedule.", cut.ByTestId("schedule-start").Text(), StringComparison.Ordinal));
        Assert.DoesNotContain("Pick a start", cut.ByTestId("schedule-end").Text(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public async Task A_backwards_dashboard_range_is_refused_beside_its_last_day()
    {
        var cut = Context.Render<DashboardCustomRange>(p => p
            .Add(x => x.Initial, new DashboardRange(DashboardPeriod.Custom, new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1))));

        await cut.ByTestId("custom-apply").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal(["The last day must not be before the first."], cut.ByLabel("To").Messages()));
        Assert.Empty(cut.ByLabel("From").Messages());
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
    }

    private static IElement Row(IRenderedComponent<SlaSettingsPage> cut, TicketPriority priority) =>
        cut.Find($"tr[data-priority='{priority}']");

    private static IElement Labelled(IElement scope, string name) =>
        scope.QuerySelectorAll("[aria-label]").Single(e => e.GetAttribute("aria-label") == name);

    /// <summary>The messages of the fields in <paramref name="scope"/> marked invalid, as each field is described by its own.</summary>
    private static string[] FieldMessages(IElement scope) => [.. scope.QuerySelectorAll("[aria-invalid='true']").Select(f => f.Description())];
}
