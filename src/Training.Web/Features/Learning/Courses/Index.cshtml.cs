using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Courses;

/// <summary>课程管理: the courses of the account's own unit, newest first, with their state, lessons and 学时.</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public CourseState? State { get; set; }

    public sealed record Row(int Id, string Title, CourseCategory Category, CourseState State, int Lessons, decimal Hours);

    public Paged<Row> Rows { get; private set; } = null!;
    public string OwnerName => me.OrgName;

    // Each page of the unit's courses, kept until a course or a lesson is saved: three queries a view.
    private static readonly Type[] Follows = [typeof(Course), typeof(Lesson)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var state = State is { } s && Enum.IsDefined(s) ? s : (CourseState?)null;
        Rows = await memo.GetAsync($"Courses|{state}|{PageNumber}", Follows, async ct =>
        {
            var query = db.Courses.AsNoTracking().ManagedBy(me);
            if (state is { } only) query = query.Where(c => c.State == only);
            var page = await query.OrderByDescending(c => c.Id).Select(c => c.Id).ToPagedAsync(PageNumber, ct);
            // 学时 follow the lessons' durations (a rule of the domain), so the page's courses are read whole.
            var courses = await db.Courses.AsNoTracking().Include(c => c.Lessons).Where(c => page.Items.Contains(c.Id)).ToListAsync(ct);
            var rows = page.Items.Select(id => courses.Single(c => c.Id == id))
                .Select(c => new Row(c.Id, c.Title, c.Category, c.State, c.Lessons.Count, c.Hours)).ToList();
            return new Paged<Row>(rows, page.PageNumber, page.PageSize, page.Total);
        }, ct);
        return this.PageOrFragment("_Rows");
    }

    public string PageUrl(int page) =>
        Url.Page("/Learning/Courses/Index", new { State, p = page > 1 ? page : (int?)null })!;
}
