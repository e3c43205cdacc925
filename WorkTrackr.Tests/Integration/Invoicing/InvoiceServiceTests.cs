using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Integration.Invoicing;

/// <summary>Invoices through the service the pages use, and the overdue sweep, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class InvoiceServiceTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Manager => app.A.Users[Roles.Manager];

    private async Task<Guid> ContactAsync(Guid organisationId, string name, string? address = null) =>
        (await app.Factory.AddAsync(organisationId, Build.Contact(name).With(c => c.BillingAddress = address))).Id;

    private static InvoiceInput Input(Guid contactId, params (string Description, decimal Quantity, decimal Price, decimal TaxPercent)[] lines) => new()
    {
        ContactId = contactId,
        PaymentTermsDays = 14,
        Lines = lines.Select(l => new InvoiceLineInput { Description = l.Description, Quantity = l.Quantity, UnitPrice = l.Price, TaxPercent = l.TaxPercent }).ToList(),
    };

    private async Task<InvoiceDetails> DraftAsync(InvoiceInput input, ApplicationUser? user = null)
    {
        var created = await app.Factory.RunAsAsync(user ?? Manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(input));
        Assert.True(created.Succeeded, created.Message);
        return (await app.Factory.RunAsAsync(user ?? Manager, (InvoiceApi s) => s.Queries.GetAsync(created.Value))).Value!;
    }

    [Fact]
    public async Task Totals_come_from_lines_rounded_half_away_from_zero_and_are_kept_on_the_invoice()
    {
        var contact = await ContactAsync(app.A.Id, "Rounding Retail");
        // 1.5 × 0.67 = 1.005 → 1.01 each line; tax 20 % of 1.01 = 0.202 → 0.20; a second rate gets its own band.
        var draft = await DraftAsync(Input(contact, ("A", 1.5m, 0.67m, 20), ("B", 1.5m, 0.67m, 20), ("C", 1, 10, 5)));

        Assert.Equal((12.02m, 0.90m, 12.92m), (draft.Totals.Net, draft.Totals.Tax, draft.Totals.Gross));
        Assert.Equal([(0.05m, 10m, 0.50m), (0.2m, 2.02m, 0.40m)], draft.TaxBands.Select(b => (b.Rate, b.Net, b.Tax)));
        Assert.Null(draft.Number);
        Assert.Equal(DocumentStatus.None, draft.Document.Status);
        var listed = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery { ContactId = contact }))).Value!;
        Assert.Equal(12.92m, Assert.Single(listed.Items).Total);

        // Editing the draft replaces its lines and its kept totals in one save.
        var edit = draft.ToInput();
        edit.Lines.RemoveAt(0);
        edit.Lines[1].Quantity = 2;
        edit.Lines.Add(new InvoiceLineInput { Description = "D", Quantity = 1, UnitPrice = 0.994m, TaxPercent = 0 });
        var saved = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.SaveDraftAsync(draft.Id, edit, draft.Version));
        Assert.True(saved.Succeeded, saved.Message);
        var edited = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(draft.Id))).Value!;
        Assert.Equal(["B", "C", "D"], edited.Lines.Select(l => l.Description));
        Assert.Equal((22.00m, 1.20m, 23.20m), (edited.Totals.Net, edited.Totals.Tax, edited.Totals.Gross)); // 1.01 + 20.00 + 0.99
        Assert.Equal(23.20m, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery { ContactId = contact }))).Value!.Items.Single().Total);
        Assert.Equal(ResultStatus.Conflict, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.SaveDraftAsync(draft.Id, edit, draft.Version))).Status);
    }

    [Fact]
    public async Task Bad_lines_are_refused_beside_their_fields_and_nothing_is_saved()
    {
        var contact = await ContactAsync(app.A.Id, "Validation Ventures");
        var input = Input(contact, ("", 0, 5, 120));
        var refused = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(input));

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Describe the line."], refused.Errors["Lines[0].Description"]);
        Assert.Equal(["Enter a quantity above 0."], refused.Errors["Lines[0].Quantity"]);
        Assert.Equal(["Enter a tax rate from 0 to 100 %."], refused.Errors["Lines[0].TaxPercent"]);
        Assert.Empty((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery { ContactId = contact }))).Value!.Items);

        // Lines within range but a total beyond what an amount column holds.
        var huge = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(Input(contact, ("Tower", 1, 9_000_000_000m, 20))));
        Assert.Equal(ResultStatus.Invalid, huge.Status);
        Assert.StartsWith("The invoice total is too large", huge.Errors[nameof(InvoiceInput.Lines)].Single());

        // Lines that cancel out are refused too: each line's amount must fit, and so must the net and the tax.
        var cancelling = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(
            Input(contact, ("Credit", 1000, 9_000_000_000m, 0), ("Debit", 1000, -9_000_000_000m, 0))));
        Assert.Equal(ResultStatus.Invalid, cancelling.Status);
        Assert.Equal(["Lines[0].Quantity", "Lines[1].Quantity"], cancelling.Errors.Keys.Order(StringComparer.Ordinal));
        // A net of 10,200,000,000 (over the limit), with a negative tax that brings the total back to 9,400,000,000 (under it).
        var offset = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(
            Input(contact, ("Works", 1, 6_000_000_000m, 0), ("Refund", 1, 5_000_000_000m, 0), ("Tax credit", 1, -800_000_000m, 100))));
        Assert.Equal(ResultStatus.Invalid, offset.Status);
        Assert.StartsWith("The invoice total is too large", offset.Errors[nameof(InvoiceInput.Lines)].Single());
        Assert.Empty((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery { ContactId = contact }))).Value!.Items);
    }

    [Fact]
    public async Task Issuing_numbers_dates_and_freezes_the_invoice_and_queues_its_pdf()
    {
        var contact = await ContactAsync(app.A.Id, "Freeze Frame Ltd", "1 High Street\nLeeds");
        var draft = await DraftAsync(Input(contact, ("Call-out", 1, 80, 20)));

        var issued = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(draft.Id, draft.Version));
        Assert.True(issued.Succeeded, issued.Message);
        Assert.Matches(@"^INV-\d{4}-\d{4}$", issued.Value);

        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            var renamed = await db.Contacts.SingleAsync(c => c.Id == contact);
            renamed.Name = "Renamed Afterwards";
            renamed.BillingAddress = "Elsewhere";
            await db.SaveChangesAsync();
        }
        var opened = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(draft.Id))).Value!;
        Assert.Equal((InvoiceStatus.Issued, issued.Value), (opened.Status, opened.Number));
        Assert.Equal(opened.IssueDate.AddDays(14), opened.DueDate);
        Assert.Equal(("Freeze Frame Ltd", "1 High Street\nLeeds"), (opened.ContactName, opened.BillToAddress));
        Assert.Equal(DocumentStatus.Pending, opened.Document.Status);

        var edit = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.SaveDraftAsync(draft.Id, opened.ToInput(), opened.Version));
        Assert.Equal(ResultStatus.Invalid, edit.Status);
        Assert.Contains("void it and issue a copy", edit.Message);
        Assert.Equal(ResultStatus.Conflict, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(draft.Id, draft.Version))).Status);
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.DeleteDraftAsync(draft.Id))).Status);
    }

    [Fact]
    public async Task Ten_invoices_issued_at_once_get_ten_distinct_consecutive_numbers()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Numbering Co");
        var manager = organisation.Users[Roles.Manager];
        var contact = await ContactAsync(organisation.Id, "Queue Customer");
        var drafts = new List<InvoiceDetails>();
        for (var i = 0; i < 10; i++) drafts.Add(await DraftAsync(Input(contact, ($"Line {i}", 1, 10 + i, 0)), manager));

        var results = await Task.WhenAll(drafts.Select(d => Task.Run(() => app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Issuing.IssueAsync(d.Id, d.Version)))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        var year = DateTime.UtcNow.Year; // London and UTC agree on the year but for an hour at new year
        var sequence = results.Select(r => int.Parse(r.Value![^4..], CultureInfo.InvariantCulture)).Order().ToList();
        // The test organisation starts with INV-2026-0001, so this year's series may start at 2.
        Assert.InRange(sequence[0], 1, 2);
        Assert.Equal(Enumerable.Range(sequence[0], 10), sequence);
        Assert.All(results, r => Assert.StartsWith("INV-", r.Value));
        Assert.InRange(int.Parse(results[0].Value!.AsSpan(4, 4), CultureInfo.InvariantCulture), year - 1, year);
    }

    [Fact]
    public async Task Issued_invoices_are_paid_or_voided_and_a_void_one_is_corrected_by_a_copy()
    {
        var contact = await ContactAsync(app.A.Id, "Lifecycle Lodge");
        var first = await DraftAsync(Input(contact, ("Repair", 2, 45, 20)));
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(first.Id, first.Version))).Succeeded);
        var issued = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(first.Id))).Value!;

        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Payments.MarkPaidAsync(first.Id, issued.IssueDate.AddDays(-1), issued.Version))).Status);
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Payments.VoidAsync(first.Id, " ", issued.Version))).Status);
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Payments.VoidAsync(first.Id, "Wrong quantity", issued.Version))).Succeeded);
        var voided = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(first.Id))).Value!;
        Assert.Equal((InvoiceStatus.Void, "Wrong quantity"), (voided.Status, voided.VoidReason));
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Payments.MarkPaidAsync(first.Id, voided.IssueDate, voided.Version))).Status);

        var copy = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CopyAsync(first.Id));
        var corrected = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(copy.Value))).Value!;
        Assert.Equal((InvoiceStatus.Draft, null, 108m), (corrected.Status, corrected.Number, corrected.Totals.Gross));
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(corrected.Id, corrected.Version))).Succeeded);
        var reissued = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(corrected.Id))).Value!;
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
            await db.InvoiceDocuments.Where(d => d.InvoiceId == corrected.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.State, WorkTrackr.Data.Common.WorkState.Done));
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Payments.MarkPaidAsync(corrected.Id, reissued.IssueDate, reissued.Version))).Succeeded);
        var paid = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(corrected.Id))).Value!;
        Assert.Equal((InvoiceStatus.Paid, DocumentStatus.Pending), (paid.Status, paid.Document.Status)); // its PDF is made again, marked paid

        var outstanding = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery { ContactId = contact, Status = InvoiceStatusFilter.Outstanding }))).Value!;
        Assert.Equal((0, 0m), (outstanding.Total, outstanding.Outstanding));
    }

    [Fact]
    public async Task Only_drafts_can_be_deleted_and_a_ticket_becomes_a_draft_for_its_contact()
    {
        var contact = await ContactAsync(app.A.Id, "Ticket Towers");
        var ticketId = (await app.Factory.AddAsync(app.A.Id, Build.Ticket("Boiler service", "INVT-000001", contact))).Id;

        var created = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateFromTicketAsync(ticketId));
        var draft = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(created.Value))).Value!;
        Assert.Equal((contact, "INVT-000001"), (draft.ContactId, draft.TicketNumber));
        Assert.Equal("INVT-000001: Boiler service", Assert.Single(draft.Lines).Description);
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.DeleteDraftAsync(draft.Id))).Succeeded);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(draft.Id))).Status);
    }

    [Fact]
    public async Task Services_due_for_renewal_become_lines_with_their_period_and_are_not_invoiced_twice()
    {
        var contact = await ContactAsync(app.A.Id, "Renewal Rooms");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var product = app.A.RowIds[typeof(Product)];
        var due = Build.Service(contact, product, today.AddDays(5), quantity: 3).With(s => s.PriceOverride = 12.5m);
        var notYet = Build.Service(contact, product, today.AddDays(200), cycle: BillingCycle.Annual);
        await app.Factory.AddAsync(app.A.Id, due, notYet);
        var (monthly, later) = (due.Id, notYet.Id);

        var offered = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.DueServicesAsync(contact))).Value!;
        var line = Assert.Single(offered);
        Assert.Equal((monthly, 3, 12.5m, today.AddDays(5), today.AddDays(5).AddMonths(1).AddDays(-1), false),
            (line.Id, line.Quantity, line.UnitPrice, line.PeriodStart, line.PeriodEnd, line.AlreadyInvoiced));
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateFromServicesAsync(contact, [later]))).Status);

        var created = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateFromServicesAsync(contact, [monthly]));
        Assert.True(created.Succeeded, created.Message);
        var draft = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(created.Value))).Value!;
        var billed = Assert.Single(draft.Lines);
        Assert.Equal((monthly, today.AddDays(5), 3m, 12.5m, 37.5m), (billed.CustomerServiceId, billed.PeriodStart, billed.Quantity, billed.UnitPrice, billed.Net));

        Assert.True(Assert.Single((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.DueServicesAsync(contact))).Value!).AlreadyInvoiced);
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateFromServicesAsync(contact, [monthly]))).Status);

        // A copy of a live invoice is a new sale: it does not bill the period a second time.
        var copied = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CopyAsync(draft.Id));
        var copy = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(copied.Value))).Value!;
        Assert.Equal((null, null), (copy.Lines.Single().CustomerServiceId, copy.Lines.Single().PeriodStart));
    }

    [Fact]
    public async Task Issued_invoices_turn_overdue_the_day_after_their_due_date_in_the_organisations_zone()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Overdue Outfitters");
        // Issued on 8 February with 30 days to pay: both due on 10 March.
        var contact = Build.Contact("Late Payer");
        var issued = Build.Invoice(contact, new DateOnly(2026, 2, 8), InvoiceStatus.Issued, Invoice.FormatNumber(2026, 101));
        var settled = Build.Invoice(contact, new DateOnly(2026, 2, 8), InvoiceStatus.Paid, Invoice.FormatNumber(2026, 102));
        await app.Factory.AddAsync(organisation.Id, contact, issued, settled);
        var (due, paid) = (issued.Id, settled.Id);

        // London: 10 March 23:30 UTC is still the due date; 11 March 00:30 is the day after.
        Assert.Equal(0, await OverdueAtAsync(new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(InvoiceStatus.Issued, await StatusAsync(organisation.Id, due));
        Assert.Equal(1, await OverdueAtAsync(new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal(0, await OverdueAtAsync(new DateTimeOffset(2026, 3, 11, 1, 30, 0, TimeSpan.Zero)));
        Assert.Equal((InvoiceStatus.Overdue, InvoiceStatus.Paid), (await StatusAsync(organisation.Id, due), await StatusAsync(organisation.Id, paid)));

        async Task<int> OverdueAtAsync(DateTimeOffset now)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            // Only this organisation's invoices are counted: other tests' invoices use today's dates.
            var marked = await new OverdueInvoices(scope.ServiceProvider.GetRequiredService<JobDatabase>(), StoppedClock.At(now)).MarkAsync();
            return marked;
        }
    }

    private async Task<InvoiceStatus> StatusAsync(Guid organisationId, Guid invoiceId)
    {
        await using var db = app.Factory.CreateDbContext(organisationId);
        return await db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.Status).SingleAsync();
    }

    [Fact]
    public async Task Only_admins_and_managers_see_invoices_and_never_another_organisations()
    {
        var contact = await ContactAsync(app.A.Id, "Roles Reception");
        var draft = await DraftAsync(Input(contact, ("Visit", 1, 50, 0)));

        foreach (var role in new[] { Roles.Dispatcher, Roles.Technician })
        {
            var user = app.A.Users[role];
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery()))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Queries.GetAsync(draft.Id))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Drafts.CreateDraftAsync(Input(contact, ("x", 1, 1, 0))))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Drafts.SaveDraftAsync(draft.Id, draft.ToInput(), draft.Version))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Issuing.IssueAsync(draft.Id, draft.Version))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Drafts.DeleteDraftAsync(draft.Id))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (InvoiceApi s) => s.Documents.DownloadAsync(draft.Id))).Status);
        }
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Documents.RegenerateAsync(draft.Id))).Status); // Admins only

        var other = app.B.Users[Roles.Admin];
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (InvoiceApi s) => s.Queries.GetAsync(draft.Id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (InvoiceApi s) => s.Issuing.IssueAsync(draft.Id, draft.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (InvoiceApi s) => s.Drafts.SaveDraftAsync(draft.Id, draft.ToInput() , draft.Version))).Status);
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync(other, (InvoiceApi s) => s.Drafts.CreateDraftAsync(Input(contact, ("x", 1, 1, 0))))).Status); // A's contact is unknown to B
        Assert.DoesNotContain(draft.Id, (await app.Factory.RunAsAsync(other, (InvoiceApi s) => s.Queries.SearchAsync(new InvoiceQuery { Take = 200 }))).Value!.Items.Select(i => i.Id));
    }
}

public sealed class SqliteInvoiceServiceTests(SqliteTenantApp app) : InvoiceServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresInvoiceServiceTests(PostgresTenantApp app) : InvoiceServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
