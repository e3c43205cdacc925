using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkTrackr.Data.Common;

/// <summary>
/// Date arithmetic in queries that EF does not translate on SQLite (DateTime subtraction), mapped per provider so
/// sums of durations stay in the database.
/// </summary>
public static class DbTime
{
    /// <summary>Hours from <paramref name="start"/> to <paramref name="end"/>; in queries only.</summary>
    public static double HoursBetween(DateTime start, DateTime end) =>
        throw new InvalidOperationException($"{nameof(HoursBetween)} runs in the database only.");

    internal static void Map(ModelBuilder builder, bool npgsql)
    {
        var method = typeof(DbTime).GetMethod(nameof(HoursBetween))!;
        builder.HasDbFunction(method).HasTranslation(args => npgsql
            // (date_part('epoch', end) - date_part('epoch', start)) / 3600
            ? Divide(Subtract(Function("date_part", new SqlFragmentExpression("'epoch'"), args[1]),
                              Function("date_part", new SqlFragmentExpression("'epoch'"), args[0])), 3600)
            // (julianday(end) - julianday(start)) * 24
            : Multiply(Subtract(Function("julianday", args[1]), Function("julianday", args[0])), 24));
    }

    private static readonly RelationalTypeMapping Double = new DoubleTypeMapping("double precision");

    private static SqlFunctionExpression Function(string name, params SqlExpression[] arguments) =>
        new SqlFunctionExpression(name, arguments, nullable: true, argumentsPropagateNullability: arguments.Select(_ => true).ToArray(),
            typeof(double), Double);

    private static SqlBinaryExpression Subtract(SqlExpression left, SqlExpression right) =>
        new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Subtract, left, right, typeof(double), Double);

    private static SqlBinaryExpression Divide(SqlExpression left, int right) =>
        new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Divide, left, new SqlFragmentExpression($"{right}.0"), typeof(double), Double);

    private static SqlBinaryExpression Multiply(SqlExpression left, int right) =>
        new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Multiply, left, new SqlFragmentExpression($"{right}.0"), typeof(double), Double);
}
