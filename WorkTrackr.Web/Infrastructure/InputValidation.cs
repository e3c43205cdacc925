using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>What every feature service does with a form's input first.</summary>
public static class InputValidation
{
    /// <summary>The input's data-annotation errors, keyed by the field they belong beside (its first message each).</summary>
    public static Dictionary<string, string[]> Errors(object input)
    {
        var errors = new Dictionary<string, string[]>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var failure in results)
            foreach (var member in failure.MemberNames) errors.TryAdd(member, [failure.ErrorMessage!]);
        return errors;
    }
}

/// <summary>What every feature service does when it saves an edit.</summary>
public static class Saving
{
    /// <summary>Saves, turning a stale version (someone saved in between) into a conflict instead of an exception.</summary>
    public static async Task<Result> SaveOrConflictAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict();
        }
    }
}

/// <summary>LIKE patterns for "contains" searches, with the escape character all of them use.</summary>
public static class LikePattern
{
    public const string Escape = @"\";

    /// <summary>%text% with the text's own % _ and \ taken literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}
