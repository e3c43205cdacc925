namespace WorkTrackr.Web.Infrastructure;

public enum ResultStatus { Ok, Invalid, NotFound, Conflict, Forbidden }

/// <summary>
/// The outcome of a service call whose failures are expected (validation, missing row, stale edit, not allowed).
/// Errors are keyed by the field they belong beside; an empty key is about the whole form.
/// </summary>
public record Result(ResultStatus Status, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool Succeeded => Status == ResultStatus.Ok;
    public string Message => string.Join(" ", Errors.Values.SelectMany(e => e));

    public static Result Ok() => new(ResultStatus.Ok, NoErrors);
    public static Result NotFound(string what = "The record") => Fail(ResultStatus.NotFound, "", $"{what} was not found. It may have been deleted.");
    public static Result Conflict() => Fail(ResultStatus.Conflict, "", "Someone else changed this record after you opened it. Reload it to see their changes.");
    public static Result Forbidden() => Fail(ResultStatus.Forbidden, "", "You do not have permission to do that.");
    public static Result Invalid(string field, string message) => Fail(ResultStatus.Invalid, field, message);
    public static Result Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, errors);

    private static Result Fail(ResultStatus status, string field, string message) =>
        new(status, new Dictionary<string, string[]> { [field] = [message] });
}

public sealed record Result<T>(ResultStatus Status, IReadOnlyDictionary<string, string[]> Errors, T? Value)
    : Result(Status, Errors)
{
    public static Result<T> Ok(T value) => new(ResultStatus.Ok, new Dictionary<string, string[]>(), value);
    public static Result<T> From(Result failure) => new(failure.Status, failure.Errors, default);

    /// <summary>A stale save, carrying what is there now so the user can see what changed.</summary>
    public static Result<T> Conflict(T current) => new(ResultStatus.Conflict, Result.Conflict().Errors, current);
}
