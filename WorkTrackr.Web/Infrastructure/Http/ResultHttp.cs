namespace WorkTrackr.Web.Infrastructure.Http;

/// <summary>
/// The one mapping from a service's <see cref="Result"/> to an HTTP answer, for every minimal-API endpoint. A failure is
/// a ProblemDetails (<c>application/problem+json</c>): <see cref="ResultStatus.Invalid"/> is a 400 validation problem
/// carrying the field errors, <see cref="ResultStatus.NotFound"/> a 404 (also for another organisation's record, which
/// the tenant filter hides), <see cref="ResultStatus.Forbidden"/> a 403 and <see cref="ResultStatus.Conflict"/> a 409.
/// </summary>
public static class ResultHttp
{
    /// <summary>The failure as a ProblemDetails response, its messages in <c>detail</c> (and, when invalid, by field in <c>errors</c>).</summary>
    public static IResult ToProblem(this Result result) => result.Status switch
    {
        ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors, detail: result.Message),
        ResultStatus.NotFound => TypedResults.Problem(detail: result.Message, statusCode: StatusCodes.Status404NotFound),
        ResultStatus.Forbidden => TypedResults.Problem(detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
        ResultStatus.Conflict => TypedResults.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException($"A {result.Status} result is not a problem."),
    };

    /// <summary>204 No Content when the result succeeded, else its problem.</summary>
    public static IResult ToHttpResult(this Result result) => result.Succeeded ? TypedResults.NoContent() : result.ToProblem();

    /// <summary><paramref name="ok"/>'s answer for the value when the result succeeded, else its problem.</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> ok) => result.Succeeded ? ok(result.Value!) : result.ToProblem();

    /// <summary>
    /// Marks endpoints that answer with <see cref="ResultHttp"/>, so that a signed-in user whose role lacks the endpoint's
    /// policy also gets a 403 problem (<see cref="ProblemAuthorizationResultHandler"/>) rather than the access-denied page.
    /// A signed-out visitor is still sent to sign in, and comes back to the download.
    /// </summary>
    public static TBuilder AnswerWithProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ProblemEndpointMetadata.Instance);
}

/// <summary>The marker <see cref="ResultHttp.AnswerWithProblems{TBuilder}"/> puts on an endpoint.</summary>
public sealed class ProblemEndpointMetadata
{
    public static readonly ProblemEndpointMetadata Instance = new();
    private ProblemEndpointMetadata() { }
}
