using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Degree.Apply;

/// <summary>
/// 在线报名: the cohorts open now or opening soon, what each program costs the trainee, and
/// whether the trainee may apply (the reasons when not). Creating a draft is idempotent: a
/// person has at most one active application, and a second create opens the existing one.
/// </summary>
[Authorize(Policy = DegreePermissions.Apply)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, EligibilityQuery eligibility, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty] public int FeeId { get; set; }

    public IReadOnlyList<CohortView> Cohorts { get; private set; } = [];
    public Active? Current { get; private set; }
    /// <summary>Reasons that hold whatever the program (e.g. not in the roster's groups, or already applying): shown once.</summary>
    public IReadOnlyList<string> CommonReasons { get; private set; } = [];
    public bool HasPerson { get; private set; }
    public DateOnly Today { get; private set; }

    public sealed record CohortView(int Id, string Name, int Year, DateOnly ApplyFrom, DateOnly ApplyTo, bool IsOpen, IReadOnlyList<OfferView> Offers);
    public sealed record OfferView(Applications.Offer Offer, IReadOnlyList<string> Reasons)
    {
        public bool Eligible => Reasons.Count == 0;
    }
    public sealed record Active(int Id, int Year, string Program, DegreeLevel Level, EnrollmentState State);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return NotFound();
        if (await ExistingAsync(personId, ct) is { } existing) return existing;

        var result = await DraftAsync(personId, ct);
        // Two creates at once (a double tap, two tabs): the other one may have been saved since the
        // check above, refused then by the domain's rule. Open that one.
        if (result.Status == StepStatus.Refused && await ExistingAsync(personId, ct) is { } winner) return winner;
        return await this.AnswerAsync(result, () => RedirectToPage("/Degree/Apply/Details", new { id = result.Id }), () => LoadAsync(ct));
    }

    private async Task<StepResult> DraftAsync(int personId, CancellationToken ct)
    {
        var today = clock.Today();
        var fee = await db.FeeSchedules.Include(f => f.Program).SingleOrDefaultAsync(f => f.Id == FeeId, ct);
        if (fee is null) return StepResult.Refused(ApplyTexts.NoOffer);
        var cohort = await db.Cohorts.SingleAsync(c => c.Id == fee.CohortId, ct);
        if (today > cohort.ApplyTo) return StepResult.Refused(ApplyTexts.Closed(cohort.Name, cohort.ApplyTo));
        var person = await db.Persons.InScope(me).Include(p => p.Village).SingleOrDefaultAsync(ct);
        var facts = await eligibility.ForAsync(personId, today, ct: ct);
        if (person is null || facts is null) return StepResult.NotFound();

        Enrollment? draft = null;
        try
        {
            var result = await db.ActAsync(() =>
            {
                draft = Enrollment.Draft(person, cohort, fee, facts, clock.UtcNow());
                db.Enrollments.Add(draft);
                return ApplyTexts.Created;
            }, ct);
            return result.IsDone ? result with { Id = draft!.Id } : result;
        }
        catch (DbUpdateException)
        {
            // The unique index "one active application per person" let the other of two creates in first.
            db.ChangeTracker.Clear();
            if (await Applications.ActiveIdAsync(db.Enrollments.InScope(me), personId, ct) is not null)
                return StepResult.Refused(ApplyTexts.Exists);
            throw;
        }
    }

    /// <summary>The person's active application, opened instead of a second one.</summary>
    private async Task<IActionResult?> ExistingAsync(int personId, CancellationToken ct) =>
        await Applications.ActiveIdAsync(db.Enrollments.InScope(me), personId, ct) is { } id
            ? this.FlashAndRedirect(ApplyTexts.Exists, "/Degree/Apply/Details", new { id })
            : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.Today();
        if (me.PersonId is not { } personId) return;
        // What the trainee sees is kept (per account, as every kept figure, and per day) until its person, posts, the
        // pool, an application, a cohort or a fee changes: the trainee's eligibility and the offers were read on every view.
        var view = await memo.GetAsync($"ApplyView|{Today:yyyyMMdd}", ViewFollows, c => ReadAsync(personId, c), ct);
        if (view is null) return;
        HasPerson = true;
        (Current, CommonReasons, Cohorts) = (view.Current, view.CommonReasons, view.Cohorts);
    }

    private sealed record View(Active? Current, IReadOnlyList<string> CommonReasons, IReadOnlyList<CohortView> Cohorts);

    private static readonly string[] ViewFollows =
    [
        .. DataStamps.SubjectsOf(typeof(Person), typeof(Post), typeof(Enrollment), typeof(Cohort), typeof(FeeSchedule),
            typeof(StudyProgram), typeof(School)),
        DataFacets.PooledReserve,
    ];

    private async Task<View?> ReadAsync(int personId, CancellationToken ct)
    {
        var facts = await eligibility.ForAsync(personId, Today, ct: ct);
        if (facts is null) return null;

        var current = await db.Enrollments.AsNoTracking().InScope(me)
            .Where(Enrollment.IsActive).Where(e => e.PersonId == personId)
            .Select(e => new Active(e.Id, e.Year, e.Program.Name, e.Level, e.State))
            .FirstOrDefaultAsync(ct);

        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.ApplyTo >= Today)
            .OrderBy(c => c.ApplyFrom).ThenBy(c => c.Year)
            .Select(c => new { c.Id, c.Name, c.Year, c.ApplyFrom, c.ApplyTo })
            .ToListAsync(ct);
        var ids = cohorts.Select(c => c.Id).ToList();
        var offers = await Applications.OffersAsync(db.FeeSchedules.Where(f => ids.Contains(f.CohortId)), ct);

        var reasons = new Dictionary<DegreeLevel, IReadOnlyList<string>>
        {
            [DegreeLevel.Associate] = Eligibility.Reasons(facts, DegreeLevel.Associate),
            [DegreeLevel.Bachelor] = Eligibility.Reasons(facts, DegreeLevel.Bachelor),
        };
        return new View(current, reasons[DegreeLevel.Associate].Intersect(reasons[DegreeLevel.Bachelor]).ToList(),
            cohorts.Select(c => new CohortView(c.Id, c.Name, c.Year, c.ApplyFrom, c.ApplyTo,
                    c.ApplyFrom <= Today && Today <= c.ApplyTo,
                    offers.Where(o => o.CohortId == c.Id)
                        .Select(o => new OfferView(o, reasons[o.Level]))
                        .ToList()))
                .ToList());
    }

    public bool ShowReason(string reason) => !CommonReasons.Contains(reason);
}
