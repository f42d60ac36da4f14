using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Home;

/// <summary>
/// 系统维护: the recurring jobs the modules registered (when each runs next, how the last run
/// ended) and the way to Hangfire's dashboard, which is for maintenance, not daily work.
/// </summary>
[Authorize(Policy = HomePermissions.Maintenance)]
public sealed class MaintenanceModel(JobStorage storage) : PageModel
{
    public sealed record JobRow(string Id, string Cron, string? NextRun, string? LastRun, string? LastState);

    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];

    public void OnGet()
    {
        using var connection = storage.GetConnection();
        Jobs = connection.GetRecurringJobs()
            .OrderBy(j => j.Id, StringComparer.Ordinal)
            .Select(j => new JobRow(j.Id, j.Cron, Local(j.NextExecution), Local(j.LastExecution), j.LastJobState))
            .ToList();
    }

    private static string? Local(DateTime? utc) => utc is { } t ? ChinaTime.Format(t) : null;
}
