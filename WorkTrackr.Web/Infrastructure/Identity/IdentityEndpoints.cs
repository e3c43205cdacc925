using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Identity;

public static class IdentityEndpoints
{
    /// <summary>Endpoints the Identity pages post to. Sign-out is a POST with an antiforgery token, never a GET.</summary>
    public static IEndpointConventionBuilder MapWorkTrackrIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        // Binding the form is what makes minimal APIs validate its antiforgery token; the token is all it carries.
        account.MapPost("/Logout", async ([FromServices] SignInManager<ApplicationUser> signInManager, [FromForm(Name = "__RequestVerificationToken")] string _) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return account;
    }
}
