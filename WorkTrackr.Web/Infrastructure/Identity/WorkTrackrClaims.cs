namespace WorkTrackr.Web.Infrastructure.Identity;

/// <summary>Claims WorkTrackr adds to the sign-in cookie, so every request and circuit knows its tenant without a query.</summary>
public static class WorkTrackrClaims
{
    public const string OrganisationId = "worktrackr:organisation";
    public const string OrganisationName = "worktrackr:organisation_name";
    public const string ResellerId = "worktrackr:reseller";
    public const string DisplayName = "worktrackr:display_name";
    public const string TimeZone = "worktrackr:time_zone";
    /// <summary>The <see cref="Data.Identity.UserSession"/> this cookie belongs to (AccountSecurity).</summary>
    public const string SessionId = "worktrackr:session";
}
