using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Features.Tickets.Templates;

namespace WorkTrackr.Tests.Integration.Tickets;

/// <summary>The template designer and SLA settings through the services the admin pages use, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class TicketTemplateServiceTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser AdminA => app.A.Users[Roles.Admin];
    private ApplicationUser DispatcherA => app.A.Users[Roles.Dispatcher];

    private static FieldInput Field(string label, CustomFieldType type = CustomFieldType.Text, bool required = false, string? options = null) =>
        new() { Label = label, Type = type, Required = required, OptionsText = options };

    private async Task<TemplateEditor> CreateTemplateAsync(string name, params FieldInput[] fields)
    {
        var saved = await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(null, new TemplateInput { Name = name, Fields = [.. fields] }, null));
        Assert.True(saved.Succeeded, saved.Message);
        return (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(saved.Value))).Value!;
    }

    [Fact]
    public async Task Designed_fields_get_stable_keys_keep_their_order_and_a_removed_field_stays_readable_on_tickets()
    {
        var template = await CreateTemplateAsync("Boiler service",
            Field("Serial number", required: true), Field("Pressure (bar)", CustomFieldType.Number), Field("Fuel", CustomFieldType.Select, options: "Gas\nOil\n\n"));
        Assert.Equal(["serial_number", "pressure_bar", "fuel"], template.Input.Fields.Select(f => f.Key));
        Assert.Equal(["Gas", "Oil"], template.Input.Fields[2].Options);

        var ticket = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput
        {
            Title = "Annual service", TemplateId = template.Id,
            CustomFieldValues = new() { ["serial_number"] = "BX-9", ["pressure_bar"] = "1.4", ["fuel"] = "Gas" },
        }));
        Assert.True(ticket.Succeeded, ticket.Message);

        // The admin moves Fuel to the top, renames Serial number and takes Pressure out.
        var edit = template.Input;
        edit.Fields = [edit.Fields[2], edit.Fields[0]];
        edit.Fields[1].Label = "Boiler serial";
        var saved = await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, edit, template.Version));
        Assert.True(saved.Succeeded, saved.Message);

        var after = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(template.Id))).Value!;
        Assert.Equal([("fuel", false), ("serial_number", false), ("pressure_bar", true)], after.Input.Fields.Select(f => (f.Key!, f.Removed)));
        var details = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Value!.Id))).Value!;
        Assert.Equal([("Fuel", "Gas", false), ("Boiler serial", "BX-9", false), ("Pressure (bar)", "1.4", true)],
            details.Fields.Select(f => (f.Label, f.Value, f.Removed)));
        Assert.Equal(["fuel", "serial_number"], details.TemplateFields.Select(f => f.Key));

        // A new field with a label seen before gets a key of its own, so old values never attach to it.
        after.Input.Fields.Add(Field("Pressure bar"));
        Assert.True((await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, after.Input, after.Version))).Succeeded);
        var final = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(template.Id))).Value!;
        Assert.Contains(final.Input.Fields, f => f is { Key: "pressure_bar_2", Removed: false });
        var reread = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Value!.Id))).Value!;
        Assert.Null(reread.Fields.Single(f => f.Key == "pressure_bar_2").Value);
        Assert.Equal("1.4", reread.Fields.Single(f => f.Key == "pressure_bar").Value);
    }

    [Fact]
    public async Task The_designer_refuses_what_would_corrupt_tickets_or_confuse_dispatchers()
    {
        await CreateTemplateAsync("Taken name");
        var template = await CreateTemplateAsync("Inspection", Field("Rooms", CustomFieldType.Number));
        var edit = template.Input;
        edit.Name = " taken NAME ";
        edit.Fields[0].Type = CustomFieldType.Text;
        edit.Fields.Add(Field("rooms"));
        edit.Fields.Add(Field("Outcome", CustomFieldType.Select, options: "Pass\n \n"));
        edit.Fields.Add(Field("Grade", CustomFieldType.Select, options: "A\na"));
        edit.Fields.Add(Field("  "));

        var refused = await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, edit, template.Version));

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Another template already has this name."], refused.Errors["Name"]);
        Assert.StartsWith("A saved field's type cannot change", refused.Errors["Fields[0].Type"][0]);
        Assert.Equal(["Another field already has this label."], refused.Errors["Fields[1].Label"]);
        Assert.False(refused.Errors.ContainsKey("Fields[2].Options"));
        Assert.Equal(["Each option may appear only once."], refused.Errors["Fields[3].Options"]);
        Assert.Equal(["Give the field a label."], refused.Errors["Fields[4].Label"]);

        var unchanged = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(template.Id))).Value!;
        Assert.Equal(("Inspection", template.Version), (unchanged.Input.Name, unchanged.Version));
        Assert.Equal(CustomFieldType.Number, Assert.Single(unchanged.Input.Fields).Type);

        // A saved field listed twice (a tampered or stale form) is refused: one key, one field.
        var twice = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(template.Id))).Value!;
        twice.Input.Fields.Add(FieldInput.From(twice.Input.Fields[0].ToDefinition("rooms")));
        Assert.Equal(["This field is not in the template as saved. Reload the template."],
            (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, twice.Input, twice.Version))).Errors["Fields[1].Label"]);

        var noOptions = await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(null, new TemplateInput { Name = "Survey", Fields = [Field("Kind", CustomFieldType.Select)] }, null));
        Assert.Equal(["A select field needs at least one option, one per line."], noOptions.Errors["Fields[0].Options"]);
    }

    [Fact]
    public async Task A_second_admin_saving_a_template_opened_before_the_first_saved_is_refused_and_loses_nothing()
    {
        var template = await CreateTemplateAsync("Key cutting", Field("Key type"));
        var first = template.Input;
        first.Fields.Add(Field("Copies", CustomFieldType.Number));
        Assert.True((await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, first, template.Version))).Succeeded);

        var second = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(template.Id))).Value!.Input;
        second.Fields.RemoveAt(1);
        var stale = await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, second, template.Version));

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        var current = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.GetAsync(template.Id))).Value!;
        Assert.Equal(["key_type", "copies"], current.Input.Fields.Where(f => !f.Removed).Select(f => f.Key));
    }

    [Fact]
    public async Task Tickets_made_before_a_template_change_still_save_unrelated_changes()
    {
        var template = await CreateTemplateAsync("Lock change", Field("Door", CustomFieldType.Select, options: "Front\nBack"), Field("Notes"));
        var ticket = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput
        {
            Title = "Rekey", TemplateId = template.Id, CustomFieldValues = new() { ["door"] = "Back" },
        }));

        // Since then, Back is no longer an option and Notes became required.
        var edit = template.Input;
        edit.Fields[0].OptionsText = "Front\nSide";
        edit.Fields[1].Required = true;
        Assert.True((await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SaveAsync(template.Id, edit, template.Version))).Succeeded);

        var details = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Value!.Id))).Value!;
        var start = new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc);
        var moved = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.RescheduleAsync(details.Id, start, start.AddHours(1), details.Version));
        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal("Back", (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(details.Id))).Value!.Fields.Single(f => f.Key == "door").Value);

        // A value the dispatcher does change is checked against the template as it is now.
        var again = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(details.Id))).Value!;
        var input = again.ToInput();
        input.CustomFieldValues["door"] = "Cellar";
        var refused = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.UpdateAsync(again.Id, input, again.Version));
        Assert.Equal(["Choose one of the options for Door."], refused.Errors[CustomFields.ErrorKey("door")]);
    }

    [Fact]
    public async Task A_deactivated_template_is_not_offered_for_new_tickets_but_its_tickets_keep_it()
    {
        var template = await CreateTemplateAsync("Window cleaning", Field("Floors", CustomFieldType.Number));
        var ticket = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "Shopfront", TemplateId = template.Id, CustomFieldValues = new() { ["floors"] = "2" } }));

        Assert.True((await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.SetActiveAsync(template.Id, false))).Succeeded);

        Assert.DoesNotContain(await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.ActiveTemplatesAsync()), t => t.Id == template.Id);
        var refused = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "Another", TemplateId = template.Id }));
        Assert.Equal(["Choose a template from the list."], refused.Errors[nameof(TicketInput.TemplateId)]);
        var details = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(ticket.Value!.Id))).Value!;
        Assert.Equal(("Window cleaning", "2"), (details.TemplateName, details.Fields.Single().Value));
        Assert.Equal(["floors"], details.TemplateFields.Select(f => f.Key));
        var listed = (await app.Factory.RunAsAsync(AdminA, (TicketTemplateService s) => s.ListAsync())).Value!.Single(t => t.Id == template.Id);
        Assert.Equal((false, 1, 1), (listed.IsActive, listed.FieldCount, listed.TicketCount));
    }

    [Fact]
    public async Task Only_admins_design_templates_and_only_their_own_organisations()
    {
        var template = await CreateTemplateAsync("Admins only");
        foreach (var role in new[] { Roles.Manager, Roles.Dispatcher, Roles.Technician })
        {
            var user = app.A.Users[role];
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (TicketTemplateService s) => s.ListAsync())).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (TicketTemplateService s) => s.GetAsync(template.Id))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (TicketTemplateService s) => s.SaveAsync(null, new TemplateInput { Name = role }, null))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(user, (TicketTemplateService s) => s.SetActiveAsync(template.Id, false))).Status);
        }

        var adminB = app.B.Users[Roles.Admin];
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(adminB, (TicketTemplateService s) => s.GetAsync(template.Id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(adminB, (TicketTemplateService s) => s.SaveAsync(template.Id, new TemplateInput { Name = "Hijack" }, template.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(adminB, (TicketTemplateService s) => s.SetActiveAsync(template.Id, false))).Status);
        Assert.DoesNotContain((await app.Factory.RunAsAsync(adminB, (TicketTemplateService s) => s.ListAsync())).Value!, t => t.Id == template.Id);
        // B may use the same name: names are unique per organisation only.
        Assert.True((await app.Factory.RunAsAsync(adminB, (TicketTemplateService s) => s.SaveAsync(null, new TemplateInput { Name = "Admins only" }, null))).Succeeded);
    }

    [Fact]
    public async Task Sla_targets_set_by_the_admin_give_new_tickets_their_due_times_and_leave_open_tickets_alone()
    {
        var before = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "Before", Priority = TicketPriority.Urgent }));
        var dueBefore = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(before.Value!.Id))).Value!.ResolutionDueAt;
        var targets = (await app.Factory.RunAsAsync(AdminA, (SlaSettings s) => s.GetAsync())).Value!;
        var urgent = targets.Single(t => t.Priority == TicketPriority.Urgent);
        (urgent.ResponseHours, urgent.ResolutionHours) = (0.75m, 2.25m);

        var saved = await app.Factory.RunAsAsync(AdminA, (SlaSettings s) => s.SaveAsync(targets));
        Assert.True(saved.Succeeded, saved.Message);

        var after = await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.CreateAsync(new TicketInput { Title = "After", Priority = TicketPriority.Urgent }));
        var created = (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(after.Value!.Id))).Value!;
        Assert.Equal(created.CreatedAt.AddMinutes(45), created.ResponseDueAt);
        Assert.Equal(created.CreatedAt.AddMinutes(135), created.ResolutionDueAt);
        Assert.Equal(dueBefore, (await app.Factory.RunAsAsync(DispatcherA, (TicketService s) => s.GetAsync(before.Value!.Id))).Value!.ResolutionDueAt);
        var reread = (await app.Factory.RunAsAsync(AdminA, (SlaSettings s) => s.GetAsync())).Value!;
        Assert.Equal((0.75m, 2.25m), reread.Where(t => t.Priority == TicketPriority.Urgent).Select(t => (t.ResponseHours, t.ResolutionHours)).Single());
    }

    [Fact]
    public async Task Sla_targets_are_checked_beside_each_priority_and_a_bad_form_saves_nothing()
    {
        var targets = SlaSettings.Defaults();
        targets.Single(t => t.Priority == TicketPriority.Low).ResponseHours = 99;
        targets.Single(t => t.Priority == TicketPriority.High).ResolutionHours = 1;
        targets.Single(t => t.Priority == TicketPriority.High).ResponseHours = 2;
        targets.Single(t => t.Priority == TicketPriority.Medium).ResponseHours = 0;

        var refused = await app.Factory.RunAsAsync(AdminA, (SlaSettings s) => s.SaveAsync(targets));

        // Keyed by the row of the list, as the form's fields are: [2].ResponseHours.
        string Row(TicketPriority priority, string field) => $"[{targets.FindIndex(t => t.Priority == priority)}].{field}";
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Resolution cannot be due before the response."], refused.Errors[Row(TicketPriority.High, nameof(SlaTargetInput.ResolutionHours))]);
        Assert.Contains(Row(TicketPriority.Medium, nameof(SlaTargetInput.ResponseHours)), refused.Errors.Keys);
        Assert.DoesNotContain(Row(TicketPriority.Low, nameof(SlaTargetInput.ResponseHours)), refused.Errors.Keys);
        var stored = (await app.Factory.RunAsAsync(AdminA, (SlaSettings s) => s.GetAsync())).Value!;
        Assert.NotEqual(2, stored.Single(t => t.Priority == TicketPriority.High).ResponseHours);

        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(app.A.Users[Roles.Manager], (SlaSettings s) => s.SaveAsync(SlaSettings.Defaults()))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(app.A.Users[Roles.Dispatcher], (SlaSettings s) => s.GetAsync())).Status);
    }
}

public sealed class SqliteTicketTemplateServiceTests(SqliteTenantApp app)
    : TicketTemplateServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresTicketTemplateServiceTests(PostgresTenantApp app)
    : TicketTemplateServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
