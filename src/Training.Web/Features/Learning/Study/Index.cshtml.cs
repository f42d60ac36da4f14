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

namespace Training.Web.Features.Learning.Study;

/// <summary>在线学习: the published courses of the learner's city and district, by category, each with how far the learner got.</summary>
[Authorize(Policy = LearningPermissions.Study)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public CourseCategory? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, string Title, CourseCategory Category, string OwnerName, int Lessons, int Completed, bool Credited);

    public Paged<Row> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The learner's page of courses is kept (per account, as every kept figure) until a course, a lesson, the
        // learner's unit, a lesson started or completed or a course credited changes: not with each heartbeat.
        Rows = await memo.GetAsync($"StudyCourses|{Category}|{PageNumber}", Follows, ReadAsync, ct);
        return this.PageOrFragment("_Courses");
    }

    private static readonly string[] Follows =
    [
        .. DataStamps.SubjectsOf(typeof(Course), typeof(Lesson), typeof(OrgUnit), typeof(Person), typeof(LessonProgress)),
        DataFacets.CourseCredit,
    ];

    private Task<Paged<Row>> ReadAsync(CancellationToken ct)
    {
        var personId = me.PersonId ?? 0;
        var query = db.Courses.AsNoTracking().InScope(me, db.Persons);
        var credits = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.PersonId == personId && e.Source == StudySource.OnlineCourse);
        if (Category is { } c && Enum.IsDefined(c)) query = query.Where(x => x.Category == c);
        return query.OrderByDescending(x => x.Id)
            .Select(x => new Row(x.Id, x.Title, x.Category, x.Owner.Name, x.Lessons.Count(l => !l.Optional),
                x.Lessons.Count(l => !l.Optional && db.LessonProgress.Any(p => p.PersonId == personId && p.LessonId == l.Id && p.CompletedAt != null)),
                credits.Any(e => e.SourceId == x.Id)))
            .ToPagedAsync(PageNumber, ct);
    }

    public string PageUrl(int page) => Url.Page("/Learning/Study/Index", new { Category, p = page > 1 ? page : (int?)null })!;
}
