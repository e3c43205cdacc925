using System.Diagnostics;
using System.Globalization;

internal enum Statistic { P95, Median, Max }

/// <summary>
/// One RESULT figure: the app's call and its floor timed side by side, in rounds, and printed as
/// <c>RESULT name provider=… value=… floor=… ratio=… rows=… rounds=… stable=…</c> with any extras after.
/// <para>
/// Each iteration times the app's call and its floor on the same input, one straight after the other, so both see the
/// same machine. The order alternates (app first on even iterations; floor first on odd ones, from the recording of
/// the same input in an earlier round, checked against what the app then sends), so neither always runs on the
/// other's warm caches. A round is <see cref="Runs"/> such iterations, or as many as take the app about
/// <see cref="MinRoundMs"/> (after <see cref="WarmUp"/> untimed ones in the first); value and floor are the round's
/// <see cref="Stat"/> of each, ratio = value / floor. Rounds go on until two in a row agree within 20% on both value
/// and ratio (stable=true), or <see cref="MaxRounds"/> is reached (stable=false). The figure printed is the last
/// round's; a comment line above it gives every round.
/// </para>
/// </summary>
internal sealed class Figure
{
    public const double Agreement = 0.20;
    public static int MaxRounds => int.TryParse(Environment.GetEnvironmentVariable("BENCH_MAX_ROUNDS"), out var n) && n >= 2 ? n : 5;

    public required string Name { get; init; }
    public required string Provider { get; init; }
    /// <summary>The size of the data the figure runs over (the largest table it reads), for the line's rows=.</summary>
    public required long Rows { get; init; }
    /// <summary>The app's call for input <c>i</c>; returns the rows (or items) it gave back.</summary>
    public required Func<int, Task<int>> App { get; init; }
    /// <summary>
    /// The floor for input <c>i</c>, given what the app's call for it sent (an empty recording when
    /// <see cref="FloorReplays"/> is false); returns the rows it read. Null: the figure has no floor.
    /// </summary>
    public Func<int, SqlRecording, Task<int>>? Floor { get; init; }
    /// <summary>Whether <see cref="Floor"/> replays the app's recorded commands (so floor-first needs an earlier recording).</summary>
    public bool FloorReplays { get; init; } = true;
    /// <summary>Brings the data back to where the app's call expects it (untimed), before each timed call of either kind.</summary>
    public Func<Task>? Reset { get; init; }
    /// <summary>The fewest timed iterations in a round; more when they are quick (<see cref="MinRoundMs"/>).</summary>
    public int Runs { get; init; } = BenchHost.Runs;
    /// <summary>A round runs until the app's calls have taken about this long, up to <see cref="MaxRuns"/> iterations.</summary>
    public double MinRoundMs { get; init; } = 2_000;
    public int MaxRuns { get; init; } = 1_000;
    public int WarmUp { get; init; } = BenchHost.WarmUp;
    public Statistic Stat { get; init; } = Statistic.P95;
    /// <summary>Shown instead of the time, e.g. a rate from a batch's milliseconds; the ratio is always of the times.</summary>
    public Func<double, double> Display { get; init; } = ms => ms;
    /// <summary>What the floor is, when it is not the replayed SQL: printed as floor_kind=….</summary>
    public string? FloorKind { get; init; }
    /// <summary>Extra name=value pairs after stable=, given the app's last returned count.</summary>
    public Func<int, string>? Extra { get; init; }

    private sealed record Round(double Value, double Floor, int Returned, int FloorRows, int Commands, int Reordered, int Short, string ShortBy)
    {
        public double Ratio => Floor > 0 ? Value / Floor : double.NaN;
    }

    private static async Task<SqlRecording> RecordAsync(Func<Task<int>> app, Action<int> returned)
    {
        var recording = new SqlRecording();
        SqlRecorder.Current = recording;
        try { returned(await app()); }
        finally { SqlRecorder.Current = null; }
        return recording;
    }

    private int runs;

    public async Task RunAsync()
    {
        runs = Runs;
        var recordings = new Dictionary<int, SqlRecording>();
        var rounds = new List<Round>();
        var stable = false;
        while (rounds.Count < MaxRounds)
        {
            rounds.Add(await RoundAsync(first: rounds.Count == 0, recordings));
            if (rounds.Count >= 2 && Agree(rounds[^2], rounds[^1])) { stable = true; break; }
        }

        var last = rounds[^1];
        Console.WriteLine($"# {Name} {Provider}: rounds (value/floor/ratio) " +
            string.Join("; ", rounds.Select(r => $"{F(Display(r.Value))}/{(Floor is null ? "-" : F(Display(r.Floor)))}/{(Floor is null ? "-" : F(r.Ratio, "F2"))}")) +
            (last.Reordered > 0 ? $"; {last.Reordered} floor-first samples re-timed app-first (the app sent other commands)" : ""));
        if (rounds.Sum(r => r.Short) is > 0 and var wrong)
            Console.WriteLine($"# WARNING {Name} {Provider}: in {wrong} iterations the floor read fewer rows than the app ({rounds.Last(r => r.Short > 0).ShortBy}); its figure is not a floor");
        var floor = Floor is null ? "" : $" floor={F(Display(last.Floor))} ratio={F(last.Ratio, "F2")}";
        var kind = FloorKind is null ? "" : $" floor_kind={FloorKind}";
        var commands = Floor is not null && FloorReplays ? $" commands={last.Commands} floor_rows={last.FloorRows}" : "";
        Console.WriteLine($"RESULT {Name} provider={Provider} value={F(Display(last.Value))}{floor} rows={Rows} rounds={rounds.Count} " +
            $"stable={(stable ? "true" : "false")} stat={Stat.ToString().ToLowerInvariant()}x{runs} returned={last.Returned}{commands}{kind}{(Extra is null ? "" : " " + Extra(last.Returned))}");
    }

    private static bool Agree(Round a, Round b) =>
        Close(a.Value, b.Value) && (double.IsNaN(a.Ratio) || Close(a.Ratio, b.Ratio));

    private static bool Close(double a, double b) => Math.Max(a, b) <= Math.Min(a, b) * (1 + Agreement);

    private async Task<Round> RoundAsync(bool first, Dictionary<int, SqlRecording> recordings)
    {
        var app = new List<double>(runs);
        var floor = new List<double>(runs);
        int returned = 0, floorRows = 0, commands = 0, reordered = 0, short_ = 0;
        var shortBy = "";
        var warm = new List<double>();
        for (var k = first ? -WarmUp : 0; k < runs; k++)
        {
            // Warm-up iterations take the first inputs again.
            var i = k < 0 ? k + WarmUp : k;
            double appMs, floorMs = 0;
            SqlRecording recording;
            if (Floor is not null && i % 2 == 1 && (!FloorReplays || recordings.ContainsKey(i)))
            {
                var earlier = recordings.GetValueOrDefault(i) ?? new SqlRecording();
                floorMs = await TimeFloorAsync(i, earlier, n => floorRows = n);
                (appMs, recording) = await TimeAppAsync(i, n => returned = n);
                if (FloorReplays && !recording.SameCommandsAs(earlier))
                {
                    floorMs = await TimeFloorAsync(i, recording, n => floorRows = n);
                    if (k >= 0) reordered++;
                }
            }
            else
            {
                (appMs, recording) = await TimeAppAsync(i, n => returned = n);
                if (Floor is not null) floorMs = await TimeFloorAsync(i, recording, n => floorRows = n);
            }
            // A floor that read fewer rows than the app did is not sending the same query (a parameter bound otherwise).
            // EF's read count includes the last read of each reader, the one that finds no more rows.
            if (Floor is not null && FloorReplays && floorRows + recording.Readers < recording.RowsRead) { short_++; shortBy = $"the floor read {floorRows} rows, the app {recording.RowsRead}"; }
            recordings[i] = recording;
            commands = recording.Commands;
            if (k < 0)
            {
                warm.Add(appMs);
                // Enough runs for a round of MinRoundMs of the app's time, judged by the warm-up's median: the p95
                // of 60 calls of a few milliseconds is their third slowest, one scheduler hiccup.
                if (k == -1) runs = Math.Clamp((int)Math.Ceiling(MinRoundMs / Math.Max(Median(warm), 0.01)), Runs, MaxRuns);
                continue;
            }
            app.Add(appMs);
            floor.Add(floorMs);
        }
        return new Round(Of(app), Floor is null ? 0 : Of(floor), returned, floorRows, commands, reordered, short_, shortBy);
    }

    private async Task<(double Ms, SqlRecording Recording)> TimeAppAsync(int i, Action<int> returned)
    {
        if (Reset is not null) await Reset();
        var watch = Stopwatch.StartNew();
        var recording = await RecordAsync(() => App(i), returned);
        return (watch.Elapsed.TotalMilliseconds, recording);
    }

    private async Task<double> TimeFloorAsync(int i, SqlRecording recording, Action<int> rows)
    {
        if (Reset is not null) await Reset();
        var watch = Stopwatch.StartNew();
        rows(await Floor!(i, recording));
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> samples) => Of(samples, Statistic.Median);

    private double Of(List<double> samples) => Of(samples, Stat);

    private static double Of(List<double> samples, Statistic stat)
    {
        samples.Sort();
        return stat switch
        {
            Statistic.Max => samples[^1],
            Statistic.Median => samples.Count % 2 == 1 ? samples[samples.Count / 2] : (samples[samples.Count / 2 - 1] + samples[samples.Count / 2]) / 2,
            _ => samples[(int)Math.Ceiling(samples.Count * 0.95) - 1],
        };
    }

    private static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
}
