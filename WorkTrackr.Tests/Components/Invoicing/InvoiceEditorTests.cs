using AngleSharp.Dom;
using Bunit;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Invoicing;

namespace WorkTrackr.Tests.Components.Invoicing;

/// <summary>
/// A draft invoice's line editor and its live totals: each line rounded to cents on its own, half away from zero
/// (banker's rounding would give a cent less in every case below), and the totals summed from those rounded lines.
/// The organisation invoices in pounds.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InvoiceEditorTests(SqliteApp app) : AppComponentTest(app)
{
    private ApplicationUser manager = default!;
    private Guid invoiceId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        manager = await SignInAsync(Roles.Manager);
        var draft = await Factory.RunAsAsync(manager, (InvoiceDrafts s) => s.CreateDraftAsync(new InvoiceInput
        {
            ContactId = Organisation.RowIds[typeof(Contact)],
            Lines = [new InvoiceLineInput { Description = "Call-out", Quantity = 1, UnitPrice = 10, TaxPercent = 20 }],
        }));
        Assert.True(draft.Succeeded, draft.Message);
        invoiceId = draft.Value;
    }

    [Fact]
    public async Task Changing_a_lines_quantity_price_and_tax_updates_its_amount_and_the_totals()
    {
        var cut = await OpenDraftAsync();
        Assert.Equal(("10.00", "£10.00", "£2.00", "£12.00"), (Amount(cut, 1), Subtotal(cut), Tax(cut), Total(cut)));

        await Line(cut, 1, "quantity").TypeAsync("0.5");
        Assert.Equal(("5.00", "£5.00", "£1.00", "£6.00"), (Amount(cut, 1), Subtotal(cut), Tax(cut), Total(cut)));

        await Line(cut, 1, "unit price").TypeAsync("2.01");
        Assert.Equal(("1.01", "£1.01", "£0.20", "£1.21"), (Amount(cut, 1), Subtotal(cut), Tax(cut), Total(cut))); // 1.005 → 1.01

        await Line(cut, 1, "tax percent").TypeAsync("50");
        Assert.Equal(("1.01", "£1.01", "£0.51", "£1.52"), (Amount(cut, 1), Subtotal(cut), Tax(cut), Total(cut))); // 0.505 → 0.51
    }

    [Fact]
    public async Task Totals_add_up_lines_each_rounded_on_its_own()
    {
        var cut = await OpenDraftAsync();
        await FillLineAsync(cut, 1, "0.5", "2.01", "50");

        await cut.Button("Add line").ClickAsync();
        await FillLineAsync(cut, 2, "0.5", "2.01", "50");

        // Two lines of 1.005 → 1.01 each: 2.02, where rounding the unrounded sum would give 2.01; tax likewise.
        Assert.Equal(("1.01", "1.01"), (Amount(cut, 1), Amount(cut, 2)));
        Assert.Equal(("£2.02", "£1.02", "£3.04"), (Subtotal(cut), Tax(cut), Total(cut)));

        await cut.Button("Remove line 1").ClickAsync();

        Assert.Single(cut.AllByTestId("invoice-line"));
        Assert.Equal(("£1.01", "£0.51", "£1.52"), (Subtotal(cut), Tax(cut), Total(cut)));
    }

    [Fact]
    public async Task A_new_line_starts_at_the_tax_rate_of_the_line_before_it()
    {
        var cut = await OpenDraftAsync();
        await Line(cut, 1, "tax percent").TypeAsync("5");

        await cut.Button("Add line").ClickAsync();

        Assert.Equal(("1", "0.00", "5"), (Line(cut, 2, "quantity").ValueOf(), Line(cut, 2, "unit price").ValueOf(), Line(cut, 2, "tax percent").ValueOf()));
    }

    /// <summary>
    /// What the editor shows while typing is what the saved draft holds: a price or rate typed with more decimals than
    /// are stored is rounded the same way (half away from zero) on screen as when saved.
    /// </summary>
    [Theory]
    [InlineData("3", "0.335", "20", "1.02", "£1.02", "£0.20", "£1.22")]          // the price is stored as 0.34
    [InlineData("1000", "1", "17.555", "1,000.00", "£1,000.00", "£175.60", "£1,175.60")] // the rate is stored as 17.56 %
    public async Task The_live_totals_are_the_totals_the_draft_is_saved_with(string quantity, string price, string taxPercent,
        string amount, string subtotal, string tax, string total)
    {
        var cut = await OpenDraftAsync();
        await FillLineAsync(cut, 1, quantity, price, taxPercent);
        Assert.Equal((amount, subtotal, tax, total), (Amount(cut, 1), Subtotal(cut), Tax(cut), Total(cut)));

        await cut.Button("Save draft").ClickAsync();

        var saved = await Factory.RunAsAsync(manager, (InvoiceQueries s) => s.GetAsync(invoiceId));
        Assert.Equal((subtotal, tax, total),
            (Pounds(saved.Value!.Totals.Net), Pounds(saved.Value.Totals.Tax), Pounds(saved.Value.Totals.Gross)));
        cut.WaitForAssertion(() => Assert.Equal((amount, total), (Amount(cut, 1), Total(cut))));
    }

    private async Task<IRenderedComponent<InvoicePage>> OpenDraftAsync()
    {
        _ = Popovers;
        var cut = Context.Render<InvoicePage>(p => p.Add(x => x.Id, invoiceId));
        cut.WaitForAssertion(() => Assert.Single(cut.AllByTestId("invoice-line")));
        return cut;
    }

    private static async Task FillLineAsync(IRenderedComponent<InvoicePage> cut, int line, string quantity, string price, string taxPercent)
    {
        await Line(cut, line, "quantity").TypeAsync(quantity);
        await Line(cut, line, "unit price").TypeAsync(price);
        await Line(cut, line, "tax percent").TypeAsync(taxPercent);
    }

    /// <summary>A line's input by its accessible name, as the editor labels each: "Line 2 unit price".</summary>
    private static IElement Line(IRenderedComponent<InvoicePage> cut, int line, string field) =>
        cut.ByTestId("line-editor").QuerySelectorAll("[aria-label]").Single(e => e.GetAttribute("aria-label") == $"Line {line} {field}");

    private static string Amount(IRenderedComponent<InvoicePage> cut, int line) => cut.AllByTestId("invoice-line")[line - 1].ByTestId("line-amount").Text();

    private static string Subtotal(IRenderedComponent<InvoicePage> cut) => TotalsRow(cut, "Subtotal");

    private static string Tax(IRenderedComponent<InvoicePage> cut) => TotalsRow(cut, "Tax");

    private static string Total(IRenderedComponent<InvoicePage> cut) => cut.ByTestId("editor-total").Text();

    /// <summary>The amount after a caption in the totals box ("Tax £0.51").</summary>
    private static string TotalsRow(IRenderedComponent<InvoicePage> cut, string caption) =>
        cut.ByTestId("editor-totals").Children.Select(r => r.Text()).Single(t => t.StartsWith(caption + " ", StringComparison.Ordinal))[(caption.Length + 1)..];

    private static string Pounds(decimal amount) => CurrencyFormat.Format(amount, "GBP");
}
