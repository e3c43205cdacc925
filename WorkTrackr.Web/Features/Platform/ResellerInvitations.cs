using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Rendering;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Platform;

/// <summary>Inviting a person to a reseller, which the Platform admin does from the resellers page. Platform admins only.</summary>
public sealed class ResellerInvitations(RecordOperations operations, CurrentUser currentUser, IServiceScopeFactory scopes, IEmailSender email,
    ComponentHtml html)
{
    /// <summary>
    /// Adds a person to a reseller and emails them a link to set their password (the password reset flow, which also
    /// confirms the address): the <see cref="ResellerInvitationEmail"/> template. <paramref name="publicBase"/> is the
    /// address people reach the app at.
    /// </summary>
    public async Task<Result> InviteAsync(Guid resellerId, string emailAddress, string displayName, Uri publicBase, CancellationToken cancellationToken = default) =>
        await operations.WriteAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            var address = emailAddress?.Trim() ?? "";
            var errors = await Steps.Check(
                (!new EmailAddressAttribute().IsValid(address) || address.Length is 0 or > DataLimits.EmailLength, "Email", "Enter an email address like name@example.com."),
                (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DataLimits.NameLength, "DisplayName", "Enter the person's name."));
            if (errors.Count > 0) return Result<bool>.From(Result.Invalid(errors));
            var reseller = await db.Resellers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resellerId, cancellationToken);
            if (reseller is null) return Result<bool>.From(Result.NotFound("The reseller"));
            // Identity saves through its scope's one context: over a circuit, that would be every call's (see UsersScope).
            await using var identity = UsersScope();
            var users = identity.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(address) is not null) return Result<bool>.From(Result.Invalid("Email", "Someone already signs in with this address."));

            var user = new ApplicationUser { UserName = address, Email = address, DisplayName = displayName.Trim(), ResellerId = resellerId };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return Result<bool>.From(Result.Invalid("Email", string.Join(" ", created.Errors.Select(e => e.Description))));
            await users.AddToRoleAsync(user, Roles.Reseller);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var body = await html.RenderAsync<ResellerInvitationEmail>(new Dictionary<string, object?>
            {
                [nameof(ResellerInvitationEmail.DisplayName)] = user.DisplayName,
                [nameof(ResellerInvitationEmail.Reseller)] = reseller.Name,
                [nameof(ResellerInvitationEmail.Link)] = $"{new Uri(publicBase, "Account/ResetPassword").AbsoluteUri}?code={Uri.EscapeDataString(code)}",
            });
            await email.SendAsync(address, $"You are invited to WorkTrackr for {reseller.Name}", body, cancellationToken);
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// A scope of its own for Identity's UserManager, whose stores save through the scope's one context. This service
    /// lives as long as the circuit that uses it, so its own scope's context would be shared by every call of the
    /// circuit, two overlapping ones too, and would keep what it had tracked. The new scope sees the same person, as a
    /// job's scope sees the organisation it works for. Dispose it when the operation ends.
    /// </summary>
    private AsyncServiceScope UsersScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(currentUser.Principal);
        return scope;
    }
}
