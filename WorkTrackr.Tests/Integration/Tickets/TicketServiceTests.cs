using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Integration.Tickets;

/// <summary>The ticket workflow through the service the pages use, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class TicketServiceTests<TApp>(TApp app) where TApp : TenantApp
{
    protected ApplicationUser DispatcherA => app.A.Users[Roles.Dispatcher];

    protected async Task<TicketRef> CreateAsync(TicketInput? input = null, ApplicationUser? by = null)
    {
        var result = await app.Factory.RunAsAsync(by ?? DispatcherA, (TicketService s) => s.CreateAsync(input ?? new TicketInput { Title = "Boiler pressure low" }));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task Tickets_created_at_the_same_moment_never_share_a_number()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = $"Parallel {i}" }))));

        Assert.All(created, r => Assert.True(r.Succeeded, r.Message));
        var numbers = created.Select(r => int.Parse(r.Value!.Number[2..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        // No gaps either: each creation took exactly the next number.
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);
        Assert.All(created, r => Assert.Matches("^T-\\d{6}$", r.Value!.Number));
    }
}

public sealed class SqliteTicketServiceTests(SqliteTenantApp app) : TicketServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>
{
    private readonly SqliteTenantApp app = app;

    [Fact]
    public async Task Numbering_continues_after_numbers_already_in_use()
    {
        // Organisation A already has T-000001 from before any series existed (like the demo data).
        var first = await CreateAsync();
        Assert.True(int.Parse(first.Number[2..], CultureInfo.InvariantCulture) > 1);
    }

    [Fact]
    public async Task Status_moves_only_along_allowed_transitions_and_records_response_and_resolution()
    {
        var ticket = await CreateAsync();
        var opened = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id));
        Assert.Null(opened.Value!.FirstRespondedAt);

        var refused = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.ChangeStatusAsync(ticket.Id, TicketStatus.Open, opened.Value.Version));
        Assert.Equal(ResultStatus.Invalid, refused.Status);

        Assert.True((await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.ChangeStatusAsync(ticket.Id, TicketStatus.InProgress, opened.Value.Version))).Succeeded);
        var working = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.NotNull(working.FirstRespondedAt);
        Assert.Null(working.ResolvedAt);
        Assert.Equal([TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Open], working.AllowedNextStatuses);

        Assert.True((await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, working.Version))).Succeeded);
        var resolved = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(SlaState.Met, resolved.Sla);

        Assert.True((await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.ChangeStatusAsync(ticket.Id, TicketStatus.Open, resolved.Version))).Succeeded);
        var reopened = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal(
            [TicketActivityKind.Created, TicketActivityKind.StatusChanged, TicketActivityKind.StatusChanged, TicketActivityKind.StatusChanged],
            reopened.Activities.Select(a => a.Kind));
        Assert.Equal(("Resolved", "Open"), (reopened.Activities[^1].FromValue, reopened.Activities[^1].ToValue));
        Assert.Equal(DispatcherA.DisplayName, reopened.Activities[^1].UserName);
    }

    [Fact]
    public async Task The_second_of_two_edits_from_one_version_is_told_what_changed_and_loses_nothing()
    {
        var ticket = await CreateAsync();
        var opened = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        var first = opened.ToInput();
        first.Title = "Boiler pressure low — part ordered";
        var second = opened.ToInput();
        second.Description = "Customer asks for a morning visit";

        Assert.True((await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.UpdateAsync(ticket.Id, first, opened.Version))).Succeeded);
        var stale = await app.Factory.RunAsAsync(app.A.Users[Roles.Manager], (TicketService s) => s.UpdateAsync(ticket.Id, second, opened.Version));

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Equal("Boiler pressure low — part ordered", stale.Value!.Title); // what the other person saved
        var now = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.Null(now.Description); // the stale save wrote nothing
        Assert.Equal("Customer asks for a morning visit", second.Description); // and the user's own edit is still in hand
    }

    [Fact]
    public async Task Due_times_follow_the_organisations_targets_and_a_priority_change()
    {
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.SlaTargets.Add(new SlaTarget { Priority = TicketPriority.High, ResponseMinutes = 30, ResolutionMinutes = 300 });
            await db.SaveChangesAsync();
        }
        var ticket = await CreateAsync(new TicketInput { Title = "Server down", Priority = TicketPriority.Low });
        var low = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.Equal(low.CreatedAt.AddDays(5), low.ResolutionDueAt); // the default for Low

        var input = low.ToInput();
        input.Priority = TicketPriority.High;
        Assert.True((await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.UpdateAsync(ticket.Id, input, low.Version))).Succeeded);

        var high = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.Equal(low.CreatedAt.AddMinutes(30), high.ResponseDueAt);
        Assert.Equal(low.CreatedAt.AddMinutes(300), high.ResolutionDueAt);
    }

    [Fact]
    public async Task Custom_fields_are_checked_against_the_template_and_removed_fields_stay_readable()
    {
        var template = new TicketTemplate
        {
            Name = "Site visit",
            Fields =
            [
                new() { Key = "asset", Label = "Asset tag", Type = CustomFieldType.Text, Required = true },
                new() { Key = "floor", Label = "Floor", Type = CustomFieldType.Number },
            ],
        };
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.TicketTemplates.Add(template);
            await db.SaveChangesAsync();
        }

        var missing = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "Visit", TemplateId = template.Id }));
        Assert.Equal(ResultStatus.Invalid, missing.Status);
        Assert.Equal(["Asset tag is required."], missing.Errors[CustomFields.ErrorKey("asset")]);

        var ticket = await CreateAsync(new TicketInput
        {
            Title = "Visit", TemplateId = template.Id,
            CustomFieldValues = new() { ["asset"] = "NW-1", ["floor"] = "3" },
        });

        // The admin removes the Floor field; the ticket keeps its value, marked as from a removed field.
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            var stored = await db.TicketTemplates.SingleAsync(t => t.Id == template.Id);
            stored.Fields.Single(f => f.Key == "floor").Removed = true;
            await db.SaveChangesAsync();
        }
        var details = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        var floor = Assert.Single(details.Fields, f => f.Key == "floor");
        Assert.Equal(("Floor", "3", true), (floor.Label, floor.Value, floor.Removed));

        // Editing the ticket cannot lose it either, even when the form no longer sends it.
        var input = details.ToInput();
        input.CustomFieldValues.Remove("floor");
        input.Title = "Visit (rescheduled)";
        Assert.True((await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.UpdateAsync(ticket.Id, input, details.Version))).Succeeded);
        var after = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!;
        Assert.Equal("3", after.Fields.Single(f => f.Key == "floor").Value);
    }

    [Fact]
    public async Task Schedules_need_both_ends_in_order()
    {
        var start = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var backwards = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "x", ScheduledStart = start, ScheduledEnd = start.AddHours(-1) }));
        var halfway = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "x", ScheduledStart = start }));

        Assert.Equal(["The end must be after the start."], backwards.Errors[nameof(TicketInput.ScheduledEnd)]);
        Assert.Equal(["Give both a start and an end, or neither."], halfway.Errors[nameof(TicketInput.ScheduledEnd)]);
    }

    [Fact]
    public async Task Technicians_see_and_work_only_their_own_tickets()
    {
        var technician = app.A.Users[Roles.Technician];
        var theirs = await CreateAsync(new TicketInput { Title = "Mine", AssignedUserId = technician.Id });
        var others = await CreateAsync(new TicketInput { Title = "Not mine" });
        var version = (await app.Factory.RunAsAsync(technician, (TicketService s) => s.GetAsync(theirs.Id))).Value!.Version;

        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(technician, (TicketService s) => s.GetAsync(others.Id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(technician, (TicketService s) => s.AddCommentAsync(others.Id, "hello"))).Status);
        Assert.True((await app.Factory.RunAsAsync(technician, (TicketService s) => s.AddCommentAsync(theirs.Id, "On my way"))).Succeeded);
        // A comment is the first response, and leaves the version alone: the status change made from it still saves.
        Assert.True((await app.Factory.RunAsAsync(technician, (TicketService s) => s.ChangeStatusAsync(theirs.Id, TicketStatus.InProgress, version))).Succeeded);
        var current = (await app.Factory.RunAsAsync(technician, (TicketService s) => s.GetAsync(theirs.Id))).Value!;
        Assert.False(current.CanEdit);
        Assert.NotNull(current.FirstRespondedAt);
        Assert.Equal("On my way", current.Activities.Single(a => a.Kind == TicketActivityKind.Commented).Text);

        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (TicketService s) => s.CreateAsync(new TicketInput { Title = "x" }))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (TicketService s) => s.UpdateAsync(theirs.Id, current.ToInput(), current.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (TicketService s) => s.AssignAsync(theirs.Id, null, current.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (TicketService s) => s.RescheduleAsync(theirs.Id, null, null, current.Version))).Status);
    }

    [Fact]
    public async Task People_outside_the_organisations_staff_can_do_nothing_with_tickets()
    {
        var ticket = await CreateAsync();
        var version = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Id))).Value!.Version;
        await using var scope = app.Factory.Services.CreateAsyncScope(); // signed out
        var service = scope.ServiceProvider.GetRequiredService<TicketService>();

        Assert.Equal(ResultStatus.Forbidden, (await service.GetAsync(ticket.Id)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.CreateAsync(new TicketInput { Title = "x" })).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.UpdateAsync(ticket.Id, new TicketInput { Title = "x" }, version)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.ChangeStatusAsync(ticket.Id, TicketStatus.InProgress, version)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.AddCommentAsync(ticket.Id, "x")).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.AssignAsync(ticket.Id, null, version)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.RescheduleAsync(ticket.Id, null, null, version)).Status);
    }

    [Fact]
    public async Task Another_organisations_tickets_contacts_and_people_are_out_of_reach()
    {
        var bTicket = app.B.RowIds[typeof(Ticket)];
        var anyVersion = Guid.NewGuid();

        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(bTicket))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.UpdateAsync(bTicket, new TicketInput { Title = "x" }, anyVersion))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.ChangeStatusAsync(bTicket, TicketStatus.Closed, anyVersion))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.AddCommentAsync(bTicket, "x"))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.AssignAsync(bTicket, null, anyVersion))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.RescheduleAsync(bTicket, null, null, anyVersion))).Status);

        var borrowed = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput
        {
            Title = "x",
            ContactId = app.B.RowIds[typeof(WorkTrackr.Data.Contacts.Contact)],
            AssignedUserId = app.B.Users[Roles.Technician].Id,
            TemplateId = app.B.RowIds[typeof(TicketTemplate)],
        }));
        Assert.Equal(ResultStatus.Invalid, borrowed.Status);
        Assert.Equal(
            [nameof(TicketInput.AssignedUserId), nameof(TicketInput.ContactId), nameof(TicketInput.TemplateId)],
            borrowed.Errors.Keys.Order());
    }
}

[Trait("Provider", "Postgres")]
public sealed class PostgresTicketServiceTests(PostgresTenantApp app) : TicketServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
