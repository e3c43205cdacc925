using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Onboarding;

public sealed class RegisterOrganisationModel
{
    [Required(ErrorMessage = "Enter your organisation's name.")]
    [StringLength(DataLimits.NameLength)]
    [Display(Name = "Organisation name")]
    public string OrganisationName { get; set; } = "";

    [Required(ErrorMessage = "Choose a currency.")]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Use a three-letter currency code such as USD.")]
    public string Currency { get; set; } = "USD";

    [Required(ErrorMessage = "Choose a time zone.")]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "UTC";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(DataLimits.NameLength)]
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(DataLimits.EmailLength)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>
/// Creates an organisation and its first Admin together, in one transaction: both or neither. The organisation is
/// unconfirmed, and nobody signs in to it, until the Admin follows the link emailed to their address.
/// </summary>
public sealed class OrganisationRegistration(WorkTrackrDbContext db, UserManager<ApplicationUser> userManager, TimeProvider clock,
    IEmailSender<ApplicationUser> email, PublicAddress publicAddress)
{
    public const string ConfirmPath = "Account/ConfirmEmail";

    public async Task<Result<ApplicationUser>> RegisterAsync(RegisterOrganisationModel model, CancellationToken cancellationToken = default)
    {
        if (!TimeZones.IsValid(model.TimeZoneId))
            return Result<ApplicationUser>.From(Result.Invalid(nameof(model.TimeZoneId), "Choose a time zone from the list."));

        // UserManager saves through this same scoped context, so one transaction covers the organisation and the user.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = new Organisation
        {
            Name = model.OrganisationName.Trim(),
            Currency = model.Currency,
            TimeZoneId = model.TimeZoneId,
            Status = OrganisationStatus.Unconfirmed,
        };
        db.Organisations.Add(organisation);
        // The plan's history starts with the organisation: reseller commission reads it day by day.
        db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = organisation.Id, Plan = organisation.Plan, EffectiveFrom = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) });
        await db.SaveChangesAsync(cancellationToken);

        var user = new ApplicationUser
        {
            UserName = model.Email.Trim(),
            Email = model.Email.Trim(),
            DisplayName = model.DisplayName.Trim(),
            OrganisationId = organisation.Id,
        };
        var created = await userManager.CreateAsync(user, model.Password);
        if (!created.Succeeded) return Result<ApplicationUser>.From(Result.Invalid(ToFieldErrors(created)));
        var role = await userManager.AddToRoleAsync(user, Roles.Admin);
        if (!role.Succeeded) return Result<ApplicationUser>.From(Result.Invalid(ToFieldErrors(role)));

        await transaction.CommitAsync(cancellationToken);
        await SendConfirmationAsync(user);
        return Result<ApplicationUser>.Ok(user);
    }

    /// <summary>Sends the registering Admin a new confirmation link, if that address has a registration still waiting for one.</summary>
    public async Task ResendConfirmationAsync(string emailAddress)
    {
        var user = await userManager.FindByEmailAsync(emailAddress);
        if (user is null || user.EmailConfirmed || user.OrganisationId is not { } organisationId) return;
        if (await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Unconfirmed))
            await SendConfirmationAsync(user);
    }

    /// <summary>
    /// Confirms the Admin's address and opens their organisation, in one transaction. A link that is wrong, expired (a
    /// day) or for an address already confirmed is refused with a message that says what to do.
    /// </summary>
    public async Task<Result> ConfirmAsync(string? userId, string? code, CancellationToken cancellationToken = default)
    {
        const string invalid = "This confirmation link is not valid, or it has expired. Ask for a new one below.";
        if (!Guid.TryParse(userId, out _) || code is null || await userManager.FindByIdAsync(userId!) is not { } user) return Result.Invalid("", invalid);
        if (user.EmailConfirmed) return Result.Invalid("", "Your email address is already confirmed. Sign in.");
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return Result.Invalid("", invalid);
        }
        // UserManager saves through this same scoped context, so one transaction covers the user and the organisation.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var confirmed = await userManager.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded) return Result.Invalid("", invalid);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == user.OrganisationId, cancellationToken);
        if (organisation is { Status: OrganisationStatus.Unconfirmed })
        {
            organisation.Status = OrganisationStatus.Active;
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    private async Task SendConfirmationAsync(ApplicationUser user)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await userManager.GenerateEmailConfirmationTokenAsync(user)));
        var link = new Uri(publicAddress.BaseUri, ConfirmPath).AbsoluteUri
            + QueryString.Create([new KeyValuePair<string, string?>("userId", user.Id.ToString()), new KeyValuePair<string, string?>("code", code)]);
        await email.SendConfirmationLinkAsync(user, user.Email!, link);
    }

    private static Dictionary<string, string[]> ToFieldErrors(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => nameof(RegisterOrganisationModel.Password),
                "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => nameof(RegisterOrganisationModel.Email),
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Code is "DuplicateUserName" or "DuplicateEmail"
                ? "An account with this email already exists. Sign in instead, or use another email."
                : e.Description).Distinct().ToArray());
}
