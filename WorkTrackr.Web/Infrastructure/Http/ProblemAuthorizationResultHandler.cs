using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace WorkTrackr.Web.Infrastructure.Http;

/// <summary>
/// A refused policy on an endpoint marked with <see cref="ResultHttp.AnswerWithProblems{TBuilder}"/> is answered as the
/// service's own refusal would be: a 403 problem. Everything else (a sign-in challenge, the pages, the Hangfire
/// dashboard) is answered as ASP.NET Core always does, which for cookies is a redirect.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<ProblemEndpointMetadata>() is not null
            ? Result.Forbidden().ToProblem().ExecuteAsync(context)
            : standard.HandleAsync(next, context, policy, authorizeResult);
}

public static class ProblemDetailsServiceCollectionExtensions
{
    /// <summary>ProblemDetails for the endpoints' failures (<see cref="ResultHttp"/>), a refused policy included.</summary>
    public static IServiceCollection AddWorkTrackrProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
