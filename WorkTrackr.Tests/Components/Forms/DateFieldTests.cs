using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using WorkTrackr.Web.Components.Forms;

namespace WorkTrackr.Tests.Components.Forms;

/// <summary>
/// The two date wrappers over MudBlazor's pickers: a DateOnly field and a date-plus-time field, typed into as a person
/// does (the ISO date, the 24-hour time), their values handed back, and a service's error for the bound field shown
/// beside it.
/// </summary>
[Trait("Category", "Component")]
public sealed class DateFieldTests : ComponentTest
{
    private sealed class Form
    {
        public DateOnly? Renewal { get; set; }
        public DateOnly PaidOn { get; set; } = new(2026, 3, 4);
        public DateTime? Start { get; set; }
    }

    private readonly Form form = new();

    /// <summary>The fields bound to <see cref="form"/> inside an EditForm, with a service's <paramref name="errors"/>.</summary>
    private IRenderedComponent<EditForm> Render(IReadOnlyDictionary<string, string[]>? errors = null) =>
        Context.Render<EditForm>(f => f
            .Add(e => e.Model, form)
            .Add(e => e.ChildContent, (EditContext _) => builder =>
            {
                builder.OpenComponent<ResultValidator>(0);
                builder.AddAttribute(1, nameof(ResultValidator.Errors), errors ?? new Dictionary<string, string[]>());
                builder.CloseComponent();

                builder.OpenComponent<DateField<DateOnly?>>(2);
                builder.AddAttribute(3, "Label", "Renewal");
                builder.AddAttribute(4, "Value", form.Renewal);
                builder.AddAttribute(5, "ValueChanged", EventCallback.Factory.Create<DateOnly?>(this, v => form.Renewal = v));
                builder.AddAttribute(6, "ValueExpression", (System.Linq.Expressions.Expression<Func<DateOnly?>>)(() => form.Renewal));
                // As pages give it: an attribute of its own passes through to the picker.
                builder.AddAttribute(17, "data-testid", "renewal");
                builder.CloseComponent();

                builder.OpenComponent<DateField<DateOnly>>(7);
                builder.AddAttribute(8, "Label", "Paid on");
                builder.AddAttribute(9, "Value", form.PaidOn);
                builder.AddAttribute(10, "ValueChanged", EventCallback.Factory.Create<DateOnly>(this, v => form.PaidOn = v));
                builder.AddAttribute(11, "ValueExpression", (System.Linq.Expressions.Expression<Func<DateOnly>>)(() => form.PaidOn));
                builder.CloseComponent();

                builder.OpenComponent<DateTimeField>(12);
                builder.AddAttribute(13, "Label", "Start");
                builder.AddAttribute(14, "Value", form.Start);
                builder.AddAttribute(15, "ValueChanged", EventCallback.Factory.Create<DateTime?>(this, v => form.Start = v));
                builder.AddAttribute(16, "ValueExpression", (System.Linq.Expressions.Expression<Func<DateTime?>>)(() => form.Start));
                builder.CloseComponent();
            }));

    [Fact]
    public void A_typed_date_becomes_the_DateOnly_and_shows_as_typed()
    {
        var cut = Render();

        cut.ByLabel("Renewal").Change("2026-05-06");

        Assert.Equal(new DateOnly(2026, 5, 6), form.Renewal);
        cut.WaitForAssertion(() => Assert.Equal("2026-05-06", cut.ByLabel("Renewal").GetAttribute("value")));
    }

    [Fact]
    public void A_date_that_may_be_empty_can_be_cleared_and_one_that_may_not_keeps_its_date()
    {
        form.Renewal = new DateOnly(2026, 1, 2);
        var cut = Render();

        cut.ByLabel("Renewal").Change("");
        cut.ByLabel("Paid on").Change("");

        Assert.Null(form.Renewal);
        Assert.Equal(new DateOnly(2026, 3, 4), form.PaidOn);
    }

    [Fact]
    public void A_service_error_for_the_bound_field_shows_beside_it()
    {
        var cut = Render(new Dictionary<string, string[]> { [nameof(Form.Renewal)] = ["Renewal must be after the start."] });

        // The field says it is wrong, and the message sits in the field's own box (the smallest one holding both the
        // input and the message holds no other field).
        const string message = "Renewal must be after the start.";
        var renewal = cut.ByLabel("Renewal");
        Assert.Equal("true", renewal.GetAttribute("aria-invalid"));
        var box = renewal.GetAncestors().OfType<IElement>().First(e => e.TextContent.Contains(message, StringComparison.Ordinal));
        Assert.Single(box.QuerySelectorAll("input:not([type=hidden])"));
        Assert.NotEqual("true", cut.ByLabel("Paid on").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Date_and_time_make_one_wall_clock_value()
    {
        form.Start = new DateTime(2026, 3, 4, 10, 30, 0);
        var cut = Render();
        Assert.Equal("2026-03-04", cut.ByLabel("Start").GetAttribute("value"));
        Assert.Equal("10:30", cut.ByLabel("Start time").GetAttribute("value"));

        cut.ByLabel("Start time").Change("14:45");
        Assert.Equal(new DateTime(2026, 3, 4, 14, 45, 0), form.Start);

        cut.ByLabel("Start").Change("2026-03-09");
        Assert.Equal(new DateTime(2026, 3, 9, 14, 45, 0), form.Start);
    }

    [Fact]
    public void A_time_waits_for_its_date_and_a_date_alone_takes_the_default_time()
    {
        var cut = Render();

        cut.ByLabel("Start time").Change("16:00");
        Assert.Null(form.Start);

        cut.ByLabel("Start").Change("2026-04-01");
        Assert.Equal(new DateTime(2026, 4, 1, 16, 0, 0), form.Start);

        form.Start = null;
        var fresh = Render();
        fresh.ByLabel("Start").Change("2026-04-02");
        Assert.Equal(new DateTime(2026, 4, 2, 9, 0, 0), form.Start);
    }
}
