using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Infrastructure.Operations;

/// <summary>
/// The one way a feature service reads and writes the organisation's records. A write goes: check the capability, open a
/// context, load the row through the tenant filter (and the service's own visibility rule), check the version the user
/// opened, validate, apply, and save, or come back as a conflict if someone saved in between. A read is the first half.
/// A row of another organisation is simply not found; the context's tenancy interceptor refuses anything that slips past.
/// See docs/ARCHITECTURE.md, "The operation skeleton".
/// </summary>
public sealed partial class RecordOperations(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, ILogger<RecordOperations> logger)
{
    /// <summary>Runs <paramref name="read"/> on a context of its own, if the caller holds <paramref name="capability"/>.</summary>
    public async Task<Result<TOut>> ReadAsync<TOut>(string capability, Func<WorkTrackrDbContext, CancellationToken, Task<TOut>> read,
        CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(capability)) return Result<TOut>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result<TOut>.Ok(await read(db, cancellationToken));
    }

    /// <summary>As <see cref="ReadAsync{TOut}"/>, for a read that can itself fail (a missing parent, a bad filter).</summary>
    public async Task<Result<TOut>> TryReadAsync<TOut>(string capability, Func<WorkTrackrDbContext, CancellationToken, Task<Result<TOut>>> read,
        CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(capability)) return Result<TOut>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await read(db, cancellationToken);
    }

    /// <summary>One row, read without tracking through the tenant filter and <see cref="Find{T}.Query"/>, made into what the page shows.</summary>
    public async Task<Result<TOut>> GetAsync<T, TOut>(Find<T> find, Func<Operation<T>, Task<TOut>> map, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!currentUser.Can(find.Capability)) return Result<TOut>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await find.Query(db).AsNoTracking().SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == find.Id, cancellationToken);
        if (row is null) return Result<TOut>.From(Result.NotFound(find.What));
        return Result<TOut>.Ok(await map(new Operation<T>(db, row, cancellationToken)));
    }

    /// <inheritdoc cref="GetAsync{T, TOut}(Find{T}, Func{Operation{T}, Task{TOut}}, CancellationToken)"/>
    public Task<Result<TOut>> GetAsync<T, TOut>(Find<T> find, Func<T, TOut> map, CancellationToken cancellationToken = default)
        where T : class =>
        GetAsync(find, op => Task.FromResult(map(op.Row)), cancellationToken);

    /// <summary>Adds the row <see cref="Create{T}.Make"/> builds, after the input and <see cref="Create{T}.Validate"/> pass; one transaction.</summary>
    public async Task<Result<TOut>> CreateAsync<T, TOut>(Create<T> create, Func<T, TOut> output, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!currentUser.Can(create.Capability)) return Result<TOut>.From(Result.Forbidden());
        if (create.Prepare is not null) await create.Prepare(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = create.Input is null ? [] : InputValidation.Errors(create.Input);
        if (create.Validate is not null) Merge(errors, await create.Validate(db, cancellationToken));
        if (errors.Count > 0) return Result<TOut>.From(Result.Invalid(errors));

        await using var transaction = create.InTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var row = await create.Make(db, cancellationToken);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return Result<TOut>.Ok(output(row));
    }

    /// <summary>Changes (or removes) one row: load, version, validate, apply, save or conflict.</summary>
    public async Task<Result> ChangeAsync<T>(Change<T> change, CancellationToken cancellationToken = default)
        where T : class =>
        await ChangeAsync(change, _ => true, current: null, cancellationToken);

    /// <summary>
    /// As <see cref="ChangeAsync{T}(Change{T}, CancellationToken)"/>, returning <paramref name="output"/> of the saved row. A stale
    /// save comes back as a conflict carrying <paramref name="current"/> (what is there now), when given.
    /// </summary>
    public async Task<Result<TOut>> ChangeAsync<T, TOut>(Change<T> change, Func<T, TOut> output, Func<CancellationToken, Task<TOut>>? current = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        if (!currentUser.Can(change.Capability)) return Result<TOut>.From(Result.Forbidden());
        if (change.Prepare is not null) await change.Prepare(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = change.InTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (change.BeforeLoad is not null) await change.BeforeLoad(db, cancellationToken);
        var row = await change.Query(db).SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == change.Id, cancellationToken);
        if (row is null) return Result<TOut>.From(Result.NotFound(change.What));
        // The version loaded is the one the UPDATE checks, so a save in between is caught there too.
        if (change.ExpectedVersion is { } expected && row is IConcurrencyVersioned versioned && versioned.Version != expected)
            return await ConflictAsync(current, cancellationToken);

        var operation = new Operation<T>(db, row, cancellationToken);
        var errors = change.Input is null ? [] : InputValidation.Errors(change.Input);
        if (change.Validate is not null) Merge(errors, await change.Validate(operation));
        if (errors.Count > 0) return Result<TOut>.From(Result.Invalid(errors));

        await change.Apply(operation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsConflict(exception))
        {
            Logged(exception);
            return await ConflictAsync(current, cancellationToken);
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        if (change.AfterCommit is not null) await change.AfterCommit(cancellationToken);
        return Result<TOut>.Ok(output(row));
    }

    /// <summary>Someone saved in between: the row changed since it was loaded, or a unique index refused the same row made at the same moment (a second click).</summary>
    private static bool IsConflict(DbUpdateException exception) => exception is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(exception);

    /// <summary>
    /// A unique index's refusal is usually a second click, but could be a clash the code did not expect (a number
    /// sequence behind the rows): the user sees a conflict, and the log keeps which index refused.
    /// </summary>
    private void Logged(DbUpdateException exception)
    {
        if (exception is not DbUpdateConcurrencyException) LogUniqueConflict(logger, exception, exception.InnerException?.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A unique index refused a save, answered as a conflict: {Reason}")]
    private static partial void LogUniqueConflict(ILogger logger, Exception exception, string? reason);

    private static async Task<Result<TOut>> ConflictAsync<TOut>(Func<CancellationToken, Task<TOut>>? current, CancellationToken cancellationToken) =>
        current is null ? Result<TOut>.From(Result.Conflict()) : Result<TOut>.Conflict(await current(cancellationToken));

    private static void Merge(Dictionary<string, string[]> errors, IReadOnlyDictionary<string, string[]> more)
    {
        foreach (var (field, messages) in more) errors.TryAdd(field, messages);
    }

    // Beyond one loaded row: a read projected in the database, a write of no single row, an operation on contexts
    // that are not the caller's, and what every signed-in member may do. Each is the skeleton's first steps only.

    /// <summary>
    /// One row through the tenant filter and <see cref="Find{T}.Query"/>, made into what the page shows by
    /// <paramref name="project"/> (a Select over the row and its references, run by the database: no entity is loaded).
    /// </summary>
    public async Task<Result<TOut>> ProjectAsync<T, TOut>(Find<T> find, Func<IQueryable<T>, IQueryable<TOut>> project,
        CancellationToken cancellationToken = default)
        where T : class
    {
        if (!currentUser.Can(find.Capability)) return Result<TOut>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await project(find.Query(db).AsNoTracking().Where(e => EF.Property<Guid>(e, "Id") == find.Id)).SingleOrDefaultAsync(cancellationToken);
        return item is null ? Result<TOut>.From(Result.NotFound(find.What)) : Result<TOut>.Ok(item);
    }

    /// <summary>
    /// A write that loads no single row to change: rows saved together (an import, a settings table, the team's hours), or
    /// an ExecuteUpdate. <paramref name="write"/> runs on a context of its own, if the caller holds <paramref name="capability"/>,
    /// and may refuse (invalid input, a missing row): then nothing it tracked is saved, and with
    /// <paramref name="inTransaction"/> nothing it executed stays either. Otherwise what it tracked is saved, a stale version
    /// (or a unique index refusing a row) coming back as a conflict, and the transaction commits.
    /// </summary>
    public async Task<Result<TOut>> WriteAsync<TOut>(string capability, Func<WorkTrackrDbContext, CancellationToken, Task<Result<TOut>>> write,
        bool inTransaction = false, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(capability)) return Result<TOut>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await write(db, cancellationToken);
            if (!result.Succeeded) return result;
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException exception) when (IsConflict(exception))
        {
            Logged(exception);
            return Result<TOut>.From(Result.Conflict());
        }
    }

    /// <summary>
    /// For an operation that does not go through the caller's own context: the jobs page reads JobDatabase's (one
    /// organisation's, or across organisations for the Platform admin) and triggers jobs. Only the capability is checked
    /// here, and a cross-organisation read stays named where it is made.
    /// </summary>
    public async Task<Result<TOut>> AllowedAsync<TOut>(string capability, Func<CancellationToken, Task<Result<TOut>>> run,
        CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(capability)) return Result<TOut>.From(Result.Forbidden());
        return await run(cancellationToken);
    }

    /// <summary>
    /// What no capability guards: every signed-in member reads the organisation's people (pickers, names on a timeline)
    /// and its contacts' names (pickers, a technician's ticket filter), and reads and marks their own notifications; a
    /// calendar app, signed in as nobody, reads the feed its address's secret unlocks. The tenant filter and
    /// <paramref name="run"/>'s own condition (the caller's id, the organisation's members, the secret's holder) confine
    /// it; anything a role decides goes through the methods above.
    /// </summary>
    public async Task<TOut> WithoutCapabilityAsync<TOut>(Func<WorkTrackrDbContext, CancellationToken, Task<TOut>> run,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await run(db, cancellationToken);
    }
}

/// <summary>A row loaded for an operation, with the context it was loaded on.</summary>
public readonly record struct Operation<T>(WorkTrackrDbContext Db, T Row, CancellationToken CancellationToken);

/// <summary>Which row a read is about, and who may read it.</summary>
public sealed record Find<T>(string Capability, Guid Id) where T : class
{
    /// <summary>What the not-found message calls the row ("The ticket").</summary>
    public string What { get; init; } = "The record";

    /// <summary>The rows the caller may see, from the tenant-filtered set (e.g. a technician's own tickets), with includes.</summary>
    public Func<WorkTrackrDbContext, IQueryable<T>> Query { get; init; } = db => db.Set<T>();
}

/// <summary>
/// A change to one row. <see cref="Input"/> is checked against its data annotations, then <see cref="Validate"/> checks
/// what needs the database or the row (a chosen contact still exists, a status may move); only then does
/// <see cref="Apply"/> run.
/// </summary>
public sealed record Change<T>(string Capability, Guid Id) where T : class
{
    /// <inheritdoc cref="Find{T}.What"/>
    public string What { get; init; } = "The record";

    /// <inheritdoc cref="Find{T}.Query"/>
    public Func<WorkTrackrDbContext, IQueryable<T>> Query { get; init; } = db => db.Set<T>();

    /// <summary>The version the user opened; a row saved since is not overwritten. Null: apply to whatever is current.</summary>
    public Guid? ExpectedVersion { get; init; }

    /// <summary>The form's input, whose data annotations are checked first.</summary>
    public object? Input { get; init; }

    /// <summary>Errors keyed by the field they belong beside (an empty key is about the whole form); none to go ahead.</summary>
    public Func<Operation<T>, Task<IReadOnlyDictionary<string, string[]>>>? Validate { get; init; }

    public required Func<Operation<T>, Task> Apply { get; init; }

    /// <summary>For an apply that also writes with ExecuteUpdate or a second save: all of it commits together.</summary>
    public bool InTransaction { get; init; }

    /// <inheritdoc cref="Create{T}.Prepare"/>
    public Func<CancellationToken, Task>? Prepare { get; init; }

    /// <summary>
    /// Runs in the transaction before the row is loaded, e.g. taking a number from a sequence: that locks the sequence,
    /// so a second operation on the same row waits there and then loads the row as the first one left it.
    /// </summary>
    public Func<WorkTrackrDbContext, CancellationToken, Task>? BeforeLoad { get; init; }

    /// <summary>Runs once the change is committed, e.g. waking the worker for the work the change queued (never before: it would find nothing).</summary>
    public Func<CancellationToken, Task>? AfterCommit { get; init; }
}

/// <summary>A new row. <see cref="Make"/> builds it once <see cref="Input"/> and <see cref="Validate"/> pass.</summary>
public sealed record Create<T>(string Capability) where T : class
{
    /// <inheritdoc cref="Change{T}.Input"/>
    public object? Input { get; init; }

    /// <summary>Runs before the operation's context opens, e.g. making sure a number sequence exists (on a context of its own).</summary>
    public Func<CancellationToken, Task>? Prepare { get; init; }

    public Func<WorkTrackrDbContext, CancellationToken, Task<IReadOnlyDictionary<string, string[]>>>? Validate { get; init; }

    public required Func<WorkTrackrDbContext, CancellationToken, Task<T>> Make { get; init; }

    /// <summary>For a row whose making takes a number from a sequence in the same transaction.</summary>
    public bool InTransaction { get; init; }
}

/// <summary>Shorthands for the steps of an operation.</summary>
public static class Steps
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>The errors as a completed validation step.</summary>
    public static Task<IReadOnlyDictionary<string, string[]>> Errors(IReadOnlyDictionary<string, string[]> errors) => Task.FromResult(errors);

    /// <summary>The message of each rule that fails, beside its field (the first failing rule of a field wins).</summary>
    public static Task<IReadOnlyDictionary<string, string[]>> Check(params (bool Failed, string Field, string Message)[] rules)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (failed, field, message) in rules)
            if (failed) errors.TryAdd(field, [message]);
        return Task.FromResult<IReadOnlyDictionary<string, string[]>>(errors);
    }

    /// <summary>A synchronous apply step.</summary>
    public static Func<Operation<T>, Task> Do<T>(Action<Operation<T>> apply) => op =>
    {
        apply(op);
        return Task.CompletedTask;
    };
}
