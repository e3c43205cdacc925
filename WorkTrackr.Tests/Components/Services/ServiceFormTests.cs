using Bunit;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Services;

namespace WorkTrackr.Tests.Components.Services;

/// <summary>
/// The service form's pickers search the server as the user types (a contact beyond the first page of names is found),
/// and its renewal date is typed as an ISO date; both reach the saved service.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServiceFormTests(SqliteApp app) : AppComponentTest(app)
{
    [Fact]
    public async Task A_contact_found_by_search_a_product_and_a_typed_renewal_date_are_saved()
    {
        await SignInAsync(Roles.Manager);
        // More contacts than a picker's first page, the one wanted last by name: only a search finds it.
        await using (var db = Factory.CreateDbContext(Organisation.Id))
        {
            for (var i = 0; i < ContactLookup.PageSize; i++) db.Contacts.Add(new Contact { Name = $"Aardvark {i:00}" });
            db.Contacts.Add(new Contact { Name = "Zephyr Plumbing" });
            await db.SaveChangesAsync();
        }
        _ = Popovers;
        var cut = Context.Render<ServiceEditPage>();
        cut.WaitForAssertion(() => cut.ByTestId("save-service"));

        var contact = cut.ByLabel("Contact");
        await contact.FocusAsync(new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        await cut.ByLabel("Contact").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "zephyr" });
        Popovers.WaitForAssertion(() => Assert.Equal(["Zephyr Plumbing"], Popovers.FindAll("[role='option']").Select(o => o.Text())), TimeSpan.FromSeconds(10));
        await Popovers.FindAll("[role='option']")[0].ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal("Zephyr Plumbing", cut.ByLabel("Contact").ValueOf()));

        var product = cut.ByLabel("Product");
        await product.FocusAsync(new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        await cut.ByLabel("Product").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "" });
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll("[role='option']")), TimeSpan.FromSeconds(10));
        await Popovers.FindAll("[role='option']")[0].ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        await cut.ByLabel("Next renewal").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "2027-03-14" });
        await cut.ByTestId("save-service").ClickAsync();

        cut.WaitForAssertion(() => Assert.EndsWith("/services", Navigation.Uri, StringComparison.Ordinal));
        await using var check = Factory.CreateDbContext(Organisation.Id);
        var saved = await check.CustomerServices.AsNoTracking().Include(s => s.Contact).SingleAsync(s => s.Contact!.Name == "Zephyr Plumbing");
        Assert.Equal(new DateOnly(2027, 3, 14), saved.RenewalDate);
    }
}
