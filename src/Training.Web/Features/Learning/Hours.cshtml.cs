using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning;

/// <summary>我的学时: the year's 必修, 选修 and what is still owed against the target, and every ledger entry of the year, newest first.</summary>
[Authorize(Policy = LearningPermissions.Study)]
public sealed class HoursModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed record EntryRow(int Id, DateOnly On, decimal Hours, bool Required, StudySource Source, string? What, string RecordedBy, string? Reason);

    public LearnerHours Summary { get; private set; } = null!;
    public Paged<EntryRow> Entries { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return Forbid();
        var today = clock.Today();
        // The years and the page of entries are kept until the ledger (or a course's or class's name) changes: a
        // trainee opens this page again and again, and the ledger moves when a course is credited, not with a heartbeat.
        var ledger = await memo.GetAsync($"MyLedger|{personId}|{Year}|{PageNumber}|{today:yyyyMMdd}", LedgerFollows,
            c => ReadLedgerAsync(personId, today, c), ct);
        (Years, Year, Entries) = (ledger.Years, ledger.Year, ledger.Entries);
        Summary = await LearnerHours.KeptAsync(memo, db, personId, ledger.Year, today, ct);
        return this.PageOrFragment("_HoursRows");
    }

    private sealed record Ledger(IReadOnlyList<int> Years, int Year, Paged<EntryRow> Entries);

    private static readonly string[] LedgerFollows =
        DataStamps.SubjectsOf(typeof(StudyLedgerEntry), typeof(Course), typeof(ClassSession), typeof(TrainingClass));

    private async Task<Ledger> ReadLedgerAsync(int personId, DateOnly today, CancellationToken ct)
    {
        var years = (await db.StudyLedger.AsNoTracking().Where(e => e.PersonId == personId).Select(e => e.On.Year).Distinct().ToListAsync(ct))
            .Append(today.Year).Distinct().OrderDescending().ToList();
        var year = Year is { } y && years.Contains(y) ? y : today.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var entries = await db.StudyLedger.AsNoTracking()
            .Where(e => e.PersonId == personId && e.On >= from && e.On <= to)
            .OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
            .Select(e => new EntryRow(e.Id, e.On, e.Hours, e.Required, e.Source,
                e.Source == StudySource.OnlineCourse ? db.Courses.Where(c => c.Id == e.SourceId).Select(c => c.Title).FirstOrDefault()
                : e.Source == StudySource.Class ? db.ClassSessions.Where(s => s.Id == e.SourceId).Select(s => s.Class.Name).FirstOrDefault()
                : null,
                e.RecordedBy, e.Reason))
            .ToPagedAsync(PageNumber, ct);
        return new Ledger(years, year, entries);
    }

    public string PageUrl(int page) => Url.Page("/Learning/Hours", new { Year, p = page > 1 ? page : (int?)null })!;
}
