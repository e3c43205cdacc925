using Microsoft.EntityFrameworkCore;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>Recognising the database errors that are expected outcomes rather than failures.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: someone saved the same thing at the same moment.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => false,
    };
}
