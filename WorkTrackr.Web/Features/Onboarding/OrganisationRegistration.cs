using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
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

/// <summary>Creates an organisation and its first Admin together, in one transaction: both or neither.</summary>
public sealed class OrganisationRegistration(WorkTrackrDbContext db, UserManager<ApplicationUser> userManager, TimeProvider clock)
{
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
        return Result<ApplicationUser>.Ok(user);
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
