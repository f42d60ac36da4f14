using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Classes.Graduation;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes;

/// <summary>
/// 结业条件: the unit running the class (or one above it) sets what a participant must do beyond attendance —
/// 必修 and 选修 hours within the class's dates, courses to complete, quizzes to pass — from the courses published
/// by the class's unit or above it (what every participant can open). The form posts the version it showed.
/// </summary>
[Authorize(Policy = ClassesPermissions.Manage)]
public sealed class ConditionsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public string? RequiredHours { get; set; }
    [BindProperty] public string? ElectiveHours { get; set; }
    [BindProperty] public List<int> CourseIds { get; set; } = [];
    [BindProperty] public List<int> QuizIds { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }

    public sealed record Choice(int Id, string Name, string OwnerName);

    public int Id { get; private set; }
    public string ClassName { get; private set; } = "";
    public int CompletionPercent { get; private set; }
    public int Sessions { get; private set; }
    public IReadOnlyList<Choice> Courses { get; private set; } = [];
    public IReadOnlyList<Choice> Quizzes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().ManagedBy(me)
            .Include(x => x.RequiredCourses).Include(x => x.RequiredQuizzes)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        RequiredHours = c.RequiredHours is { } r ? LearningNames.HoursText(r) : null;
        ElectiveHours = c.ElectiveHours is { } e ? LearningNames.HoursText(e) : null;
        CourseIds = c.RequiredCourses.Select(x => x.CourseId).ToList();
        QuizIds = c.RequiredQuizzes.Select(x => x.LessonId).ToList();
        Version = c.Version;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var required = ModelState.Hours(nameof(RequiredHours), RequiredHours, GraduationTexts.RequiredHours, required: false);
        var elective = ModelState.Hours(nameof(ElectiveHours), ElectiveHours, GraduationTexts.ElectiveHours, required: false);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? this.Unprocessable() : NotFound();
        var courseIds = CourseIds.Distinct().ToList();
        var quizIds = QuizIds.Distinct().ToList();
        var courses = await db.Courses.Include(c => c.Owner).Where(c => courseIds.Contains(c.Id)).ToListAsync(ct);
        var quizzes = await db.Lessons.Include(l => l.Course).ThenInclude(c => c.Owner).Where(l => quizIds.Contains(l.Id)).ToListAsync(ct);
        if (courses.Count != courseIds.Count || quizzes.Count != quizIds.Count)
        {
            ModelState.AddModelError("", GraduationTexts.UnknownChoice);
            return await LoadAsync(id, ct) ? this.Unprocessable() : NotFound();
        }
        var record = db.TrainingClasses.ManagedBy(me).Include(x => x.Owner)
            .Include(x => x.RequiredCourses).Include(x => x.RequiredQuizzes)
            .Where(x => x.Id == id);
        var result = await db.RunAsync(record, Version, c =>
        {
            c.SetConditions(required, elective, courses, quizzes);
            var detail = GraduationTexts.Describe(required, elective, courses.Select(x => x.Title),
                quizzes.Select(q => GraduationTexts.QuizItem(q.Course.Title, q.Title)));
            db.Audit.Add(new AuditEntry(me.UserName, GraduationTexts.ConditionsAudit, ClassesTexts.OfClass(c.Name, detail), clock.UtcNow()));
            return GraduationTexts.Saved(c.Name);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Classes/Details", new { id }), () => LoadAsync(id, ct), fieldPrefix: null);
    }

    /// <summary>The class's name and the courses and quizzes it may require; false when the account does not run it.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().ManagedBy(me).Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.CompletionPercent, OwnerPath = x.Owner.Path, Sessions = x.Sessions.Count })
            .SingleOrDefaultAsync(ct);
        if (c is null) return false;
        (Id, ClassName, CompletionPercent, Sessions) = (c.Id, c.Name, c.CompletionPercent, c.Sessions);
        // The class's own unit and those above it: what every participant (who lives under the class's unit) can open.
        var owners = ScopeQueries.AncestorPaths(c.OwnerPath).Append(c.OwnerPath).ToList();
        var chosen = CourseIds;
        Courses = await db.Courses.AsNoTracking()
            .Where(x => (x.State == CourseState.Published && owners.Contains(x.Owner.Path)) || chosen.Contains(x.Id))
            .OrderBy(x => x.Owner.Path).ThenBy(x => x.Title).ThenBy(x => x.Id)
            .Select(x => new Choice(x.Id, x.Title, x.Owner.Name))
            .ToListAsync(ct);
        var chosenQuizzes = QuizIds;
        Quizzes = (await db.Lessons.AsNoTracking()
            .Where(l => l.Kind == LessonKind.Quiz
                && ((l.Course.State == CourseState.Published && owners.Contains(l.Course.Owner.Path)) || chosenQuizzes.Contains(l.Id)))
            .OrderBy(l => l.Course.Owner.Path).ThenBy(l => l.Course.Title).ThenBy(l => l.Order)
            .Select(l => new { l.Id, Course = l.Course.Title, l.Title, Owner = l.Course.Owner.Name })
            .ToListAsync(ct))
            .Select(l => new Choice(l.Id, GraduationTexts.QuizItem(l.Course, l.Title), l.Owner))
            .ToList();
        return true;
    }
}
