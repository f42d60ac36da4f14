using Hangfire;
using Hangfire.Storage;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Home;

/// <summary>
/// The recurring jobs as Hangfire's storage holds them, read at most once per <see cref="Freshness"/> on each web node.
/// Hangfire keeps its state outside the data stamps, so <c>FiguresMemo</c> cannot tell when it changed, and reading it
/// is a dozen storage queries (≈ 1 ms of server CPU a view: /Maintenance 1.2–2.2 ms against 0.5–0.9 for /Menu at 100
/// connections). A job's next run is to the minute and Hangfire's own dashboard polls every 2 s: two seconds old is as
/// good as now here, and this is the one page that reads the jobs.
/// </summary>
public sealed class RecurringJobsView(JobStorage storage)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    public sealed record JobRow(string Id, string Cron, string? NextRun, string? LastRun, string? LastState);

    private sealed record Reading(long AtMs, IReadOnlyList<JobRow> Rows);

    // Elapsed time, not the app's clock: tests freeze that one, and this is about how long ago storage was read.
    private volatile Reading? last;

    public IReadOnlyList<JobRow> Read()
    {
        var now = Environment.TickCount64;
        if (last is { } r && now - r.AtMs < Freshness.TotalMilliseconds) return r.Rows;
        using var connection = storage.GetConnection();
        var rows = connection.GetRecurringJobs()
            .OrderBy(j => j.Id, StringComparer.Ordinal)
            .Select(j => new JobRow(j.Id, j.Cron, Local(j.NextExecution), Local(j.LastExecution), j.LastJobState))
            .ToList();
        last = new Reading(now, rows);
        return rows;
    }

    private static string? Local(DateTime? utc) => utc is { } t ? ChinaTime.Format(t) : null;
}
