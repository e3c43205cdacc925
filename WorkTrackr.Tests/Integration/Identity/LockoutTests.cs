using Microsoft.AspNetCore.Identity;
using WorkTrackr.Web.Infrastructure.Identity;

namespace WorkTrackr.Tests.Integration.Identity;

/// <summary>Wrong passwords lock out the address they come from, not the account: a stranger cannot lock its owner out.</summary>
[Trait("Category", "Integration")]
public sealed class LockoutTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private const string Stranger = "203.0.113.66", Owner = "198.51.100.10";

    [Fact]
    public async Task A_stranger_guessing_from_one_address_is_locked_out_there_while_the_owner_signs_in_from_theirs()
    {
        var user = (await TestOrganisations.CreateAsync(app.Factory, "Guessed Co")).Users[Roles.Dispatcher];

        var answers = new List<SignInResult>();
        for (var i = 0; i < 5; i++) answers.Add(await SignInAsync(user.Email!, "guess", Stranger));
        var rightPasswordFromThere = await SignInAsync(user.Email!, TestOrganisations.Password, Stranger);
        var owner = await SignInAsync(user.Email!, TestOrganisations.Password, Owner);

        Assert.All(answers.Take(4), a => Assert.False(a.Succeeded || a.IsLockedOut));
        Assert.True(answers[4].IsLockedOut);
        Assert.True(rightPasswordFromThere.IsLockedOut);
        Assert.True(owner.Succeeded);
        await using var db = app.Factory.CreateDbContext(null);
        var kinds = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.At).Select(e => e.Kind).ToListAsync();
        Assert.Equal([.. Enumerable.Repeat(SignInEventKind.Failed, 5), SignInEventKind.LockedOut, SignInEventKind.SignedIn], kinds);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_lock_the_account_for_everyone()
    {
        var user = (await TestOrganisations.CreateAsync(app.Factory, "Swarmed Co")).Users[Roles.Technician];
        var limit = 5 * AccountSecurity.AccountWideFactor;

        for (var i = 0; i < limit; i++) await SignInAsync(user.Email!, "guess", $"192.0.2.{i % 4 * 50 + i / 4 + 1}");

        Assert.True((await SignInAsync(user.Email!, TestOrganisations.Password, Owner)).IsLockedOut);
    }

    private Task<SignInResult> SignInAsync(string email, string password, string address) => app.Factory.PasswordSignInAsync(email, password, address);
}
