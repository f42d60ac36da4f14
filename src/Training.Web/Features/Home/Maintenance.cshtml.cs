using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Features.Home;

/// <summary>
/// 系统维护: the recurring jobs the modules registered (when each runs next, how the last run
/// ended) and the way to Hangfire's dashboard, which is for maintenance, not daily work.
/// </summary>
[Authorize(Policy = HomePermissions.Maintenance)]
public sealed class MaintenanceModel(RecurringJobsView jobs) : PageModel
{
    public IReadOnlyList<RecurringJobsView.JobRow> Jobs { get; private set; } = [];

    public void OnGet() => Jobs = jobs.Read();
}
