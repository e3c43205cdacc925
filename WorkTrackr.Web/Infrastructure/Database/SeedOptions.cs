namespace WorkTrackr.Web.Infrastructure.Database;

/// <summary>The <c>Seed</c> settings (appsettings.json, or <c>Seed__…</c> environment variables).</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>
    /// <c>Seed:DemoData</c>: on an empty database, start-up adds the demo organisation, people and data
    /// (<see cref="DemoDataSeeder"/>), and the sign-in page lists the demo logins in development.
    /// </summary>
    public bool DemoData { get; set; }
}
