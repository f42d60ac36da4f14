using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>学习任务: the assignments made by the account's unit, below it and above it, newest first.</summary>
[Authorize(Policy = LearningPermissions.Follow)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<AssignmentRow> Rows { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool MayAssign => me.IsIn(Roles.CityAdmin) || me.IsIn(Roles.DistrictStaff);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        // Each page kept until an assignment or what its row names is saved: the count and the page on every view.
        Rows = await memo.GetAsync($"Assignments|{PageNumber}", AssignmentRow.Follows,
            ct => AssignmentRow.Select(db, db.Assignments.AsNoTracking().InScope(me).OrderByDescending(a => a.Id)).ToPagedAsync(PageNumber, ct), ct);
        return this.PageOrFragment("_Rows");
    }

    public string PageUrl(int page) => Url.Page("/Learning/Assignments/Index", new { p = page > 1 ? page : (int?)null })!;
}
