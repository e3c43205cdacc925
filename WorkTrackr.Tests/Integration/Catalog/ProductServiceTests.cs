using WorkTrackr.Web.Features.Catalog;

namespace WorkTrackr.Tests.Integration.Catalog;

/// <summary>The catalogue through the service the pages use, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class ProductServiceTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private async Task<Guid> CreateAsync(string name, decimal cost, decimal price, string category = "General")
    {
        var created = await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.CreateAsync(new ProductInput { Name = name, Category = category, Cost = cost, Price = price, Unit = "each" }));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    [Fact]
    public async Task Products_sort_by_margin_in_the_database_with_free_ones_last()
    {
        var thin = await CreateAsync("Thin", 90, 100, "Margin sort");       // 10 %
        var fat = await CreateAsync("Fat", 20, 100, "Margin sort");         // 80 %
        var loss = await CreateAsync("Loss leader", 12, 10, "Margin sort"); // -20 %
        var free = await CreateAsync("Free check-up", 5, 0, "Margin sort"); // no margin

        var query = new ProductQuery { Text = "", Sort = ProductSort.Margin };
        var ascending = (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.SearchAsync(query with { Text = null, Take = 200 }))).Value!.Items.Where(i => i.Category == "Margin sort").ToList();
        var descending = (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.SearchAsync(query with { Text = null, Take = 200, Descending = true }))).Value!.Items.Where(i => i.Category == "Margin sort").ToList();

        Assert.Equal([loss, thin, fat, free], ascending.Select(i => i.Id));
        Assert.Equal([fat, thin, loss, free], descending.Select(i => i.Id));
        Assert.Equal([-20.0m, 10.0m, 80.0m, null], ascending.Select(i => i.MarginPercent));
    }

    [Fact]
    public async Task Amounts_are_checked_and_rounded_to_cents_once_and_bad_input_saves_nothing()
    {
        var refused = await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.CreateAsync(new ProductInput { Name = "", Cost = -1, Price = 10, Unit = " " }));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Give the product a name."], refused.Errors[nameof(ProductInput.Name)]);
        Assert.Equal(["Enter an amount of 0 or more."], refused.Errors[nameof(ProductInput.Cost)]);
        Assert.Equal(["Say what one quantity is, such as each, hour or month."], refused.Errors[nameof(ProductInput.Unit)]);

        var id = await CreateAsync("Rounded", 10.005m, 19.994m);
        var saved = (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.GetAsync(id))).Value!.Product;
        Assert.Equal((10.01m, 19.99m), (saved.Cost, saved.Price));
    }

    [Fact]
    public async Task A_product_in_use_can_be_deactivated_but_not_deleted_and_stale_edits_are_refused()
    {
        var used = await CreateAsync("Managed backup", 4, 9, "Services");
        await app.Factory.AddAsync(app.A.Id, Build.Service(app.A.RowIds[typeof(Contact)], used, quantity: 2));

        var refused = await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.DeleteAsync(used));
        Assert.Equal("Managed backup is used by 1 customer service, so it cannot be deleted. Deactivate it instead: it is no longer offered, and what uses it stays as it is.", refused.Message);
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.SetActiveAsync(used, false))).Succeeded);
        Assert.DoesNotContain(used, (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.SearchAsync(new ProductQuery { Text = "backup" }))).Value!.Items.Select(i => i.Id));
        Assert.Contains(used, (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.SearchAsync(new ProductQuery { Text = "BACKUP", Status = ProductStatusFilter.Inactive }))).Value!.Items.Select(i => i.Id));

        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.GetAsync(used))).Value!;
        var first = opened.Product;
        first.Price = 11;
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.UpdateAsync(used, first, opened.Version))).Succeeded);
        var second = opened.Product;
        second.Price = 8;
        Assert.Equal(ResultStatus.Conflict, (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.UpdateAsync(used, second, opened.Version))).Status);
        Assert.Equal(11m, (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.GetAsync(used))).Value!.Product.Price);

        var unused = await CreateAsync("Never sold", 1, 2);
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.DeleteAsync(unused))).Succeeded);
    }

    [Fact]
    public async Task Only_office_roles_manage_the_catalogue_and_only_their_own()
    {
        var id = await CreateAsync("Roles product", 1, 2);
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ProductService s) => s.GetAsync(id))).Value!;
        var technician = app.A.Users[Roles.Technician];
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ProductService s) => s.SearchAsync(new ProductQuery()))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ProductService s) => s.GetAsync(id))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ProductService s) => s.CreateAsync(opened.Product))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ProductService s) => s.UpdateAsync(id, opened.Product, opened.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ProductService s) => s.SetActiveAsync(id, false))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ProductService s) => s.DeleteAsync(id))).Status);

        var other = app.B.Users[Roles.Dispatcher];
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ProductService s) => s.GetAsync(id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ProductService s) => s.UpdateAsync(id, opened.Product, opened.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ProductService s) => s.SetActiveAsync(id, false))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ProductService s) => s.DeleteAsync(id))).Status);
        Assert.DoesNotContain(id, (await app.Factory.RunAsAsync(other, (ProductService s) => s.SearchAsync(new ProductQuery { Status = ProductStatusFilter.All, Take = 200 }))).Value!.Items.Select(i => i.Id));
    }
}

public sealed class SqliteProductServiceTests(SqliteTenantApp app) : ProductServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresProductServiceTests(PostgresTenantApp app) : ProductServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
