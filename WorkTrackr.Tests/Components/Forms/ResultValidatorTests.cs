using System.Linq.Expressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using WorkTrackr.Web.Components.Forms;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Components.Forms;

/// <summary>A service's errors reach the form through one component: beside their fields, and the rest at the form.</summary>
[Trait("Category", "Component")]
public sealed class ResultValidatorTests : ComponentTest
{
    private readonly InvoiceInput model = new() { Lines = [new InvoiceLineInput(), new InvoiceLineInput()] };

    private IRenderedComponent<EditForm> Render(IReadOnlyDictionary<string, string[]> errors) =>
        Context.Render<EditForm>(form => form
            .Add(f => f.Model, model)
            .Add(f => f.ChildContent, (EditContext _) => builder =>
            {
                builder.OpenComponent<ResultValidator>(0);
                builder.AddAttribute(1, nameof(ResultValidator.Errors), errors);
                builder.CloseComponent();
                builder.AddContent(2, Message(() => model.ContactId, "contact"));
                var second = model.Lines[1];
                builder.AddContent(3, Message(() => second.Quantity, "second-quantity"));
                var first = model.Lines[0];
                builder.AddContent(4, Message(() => first.Quantity, "first-quantity"));
            }));

    /// <summary>The field's messages, as a page shows them beside it, in a box to find them by.</summary>
    private static RenderFragment Message<T>(Expression<Func<T>> field, string testId) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "data-testid", testId);
        builder.OpenComponent<ValidationMessage<T>>(2);
        builder.AddAttribute(3, nameof(ValidationMessage<T>.For), field);
        builder.CloseComponent();
        builder.CloseElement();
    };

    [Fact]
    public void Each_error_shows_beside_its_field_and_the_rest_at_the_form()
    {
        var cut = Render(new Dictionary<string, string[]>
        {
            [nameof(InvoiceInput.ContactId)] = ["Choose a customer."],
            [InvoiceDrafts.LineField(1, nameof(InvoiceLineInput.Quantity))] = ["Use a quantity above zero."],
            [""] = ["Someone else changed this record."],
            ["NoSuchField"] = ["A message the form has no field for."],
        });

        Assert.Equal("Choose a customer.", cut.Find("[data-testid=contact]").TextContent.Trim());
        Assert.Equal("Use a quantity above zero.", cut.Find("[data-testid=second-quantity]").TextContent.Trim());
        Assert.Empty(cut.Find("[data-testid=first-quantity]").TextContent.Trim());
        Assert.Equal(["Someone else changed this record.", "A message the form has no field for."],
            cut.FindAll("[data-testid=form-error]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void The_next_result_replaces_the_messages_of_the_last()
    {
        var cut = Render(new Dictionary<string, string[]> { [nameof(InvoiceInput.ContactId)] = ["Choose a customer."] });
        Assert.Equal("Choose a customer.", cut.Find("[data-testid=contact]").TextContent.Trim());

        cut.FindComponent<ResultValidator>().Render(p => p.Add(v => v.Errors, new Dictionary<string, string[]>()));

        Assert.Empty(cut.Find("[data-testid=contact]").TextContent.Trim());
    }

    [Fact]
    public void A_dictionary_entry_is_a_field_of_the_dictionary()
    {
        var input = new TicketInput { CustomFieldValues = new() { ["serial"] = "" } };
        var field = FieldPaths.Resolve(input, $"{nameof(TicketInput.CustomFieldValues)}[serial]");
        Assert.Equal(new FieldIdentifier(input.CustomFieldValues, "serial"), field);
        Assert.Null(FieldPaths.Resolve(input, "Missing.Path"));
        Assert.Equal(new FieldIdentifier(input, nameof(TicketInput.Title)), FieldPaths.Resolve(input, nameof(TicketInput.Title)));
    }

    [Fact]
    public void A_dictionary_entrys_messages_show_where_the_page_names_that_entry()
    {
        var input = new TicketInput { CustomFieldValues = new() { ["serial"] = "" } };
        var cut = Context.Render<EditForm>(form => form
            .Add(f => f.Model, input)
            .Add(f => f.ChildContent, (EditContext _) => builder =>
            {
                builder.OpenComponent<ResultValidator>(0);
                builder.AddAttribute(1, nameof(ResultValidator.Errors),
                    new Dictionary<string, string[]> { [CustomFields.ErrorKey("serial")] = ["Serial is required."] });
                builder.CloseComponent();
                builder.OpenElement(2, "div");
                builder.AddAttribute(3, "data-testid", "serial");
                builder.OpenComponent<FieldMessage>(4);
                builder.AddAttribute(5, nameof(FieldMessage.Field), new FieldIdentifier(input.CustomFieldValues, "serial"));
                builder.CloseComponent();
                builder.CloseElement();
            }));

        Assert.Equal("Serial is required.", cut.Find("[data-testid=serial] [role=alert]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public void When_the_model_is_a_list_a_key_starts_at_its_row()
    {
        List<CapacityInput> people = [new() { WeeklyHours = 40 }, new() { WeeklyHours = 200 }];
        Assert.Equal(new FieldIdentifier(people[1], nameof(CapacityInput.WeeklyHours)), FieldPaths.Resolve(people, "[1].WeeklyHours"));
        Assert.Null(FieldPaths.Resolve(people, "[2].WeeklyHours"));
        Assert.Null(FieldPaths.Resolve(people, "[1]"));
        Assert.Null(FieldPaths.Resolve(model, "[0].Quantity")); // a model that is not a list has no rows
    }
}
