using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Degree.Apply;

/// <summary>
/// One of the trainee's own applications: its state and timeline, the tuition from admission
/// on, and the trainee's steps: change the program of a draft, submit, cancel. Every step
/// carries the version the page showed; submitting an application that is already submitted
/// (a double tap, two tabs) is a success that changes nothing. Someone else's: 404.
/// </summary>
[Authorize(Policy = DegreePermissions.Apply)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, EligibilityQuery eligibility, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int FeeId { get; set; }

    public Applications.View App { get; private set; } = null!;
    public IReadOnlyList<Applications.Offer> Offers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostProgramAsync(int id, CancellationToken ct)
    {
        var mine = db.Enrollments.InScope(me).Where(e => e.Id == id);
        var current = await mine.AsNoTracking().Select(e => new { e.PersonId, e.CohortId, e.ProgramId, e.State }).SingleOrDefaultAsync(ct);
        if (current is null) return NotFound();
        var fee = await db.FeeSchedules.Include(f => f.Program).SingleOrDefaultAsync(f => f.Id == FeeId, ct);
        if (fee is null) return await AnswerAsync(id, StepResult.Refused(ApplyTexts.NoOffer), ct);
        if (fee.CohortId == current.CohortId && fee.ProgramId == current.ProgramId && current.State == EnrollmentState.Draft)
            return RedirectToPage("/Degree/Apply/Details", new { id });
        var facts = await eligibility.ForAsync(current.PersonId, clock.Today(), id, ct);
        if (facts is null) return NotFound();
        return await AnswerAsync(id, await db.RunAsync(mine, Version, e =>
        {
            e.ChangeProgram(fee, facts);
            return ApplyTexts.ProgramChanged;
        }, ct), ct);
    }

    /// <summary>Submitting what is already submitted (a double tap, two tabs) is done, not changed: the trainee got what they asked for.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        var mine = db.Enrollments.InScope(me).Where(e => e.Id == id);
        if (await StateAsync(mine, ct) is { } before && IsSubmitted(before))
            return this.FlashAndRedirect(ApplyTexts.ReviewNext, "/Degree/Apply/Details", new { id });
        var result = await db.RunAsync(mine.Include(e => e.Cohort), Version, e =>
        {
            e.Submit(me.Actor, e.Cohort, clock.Today(), clock.UtcNow());
            return ApplyTexts.ReviewNext;
        }, ct);
        // Changed since the page was drawn: if the change was this same submit arriving twice, it is done;
        // anything else (e.g. a return) the trainee must see first.
        if (result.Status == StepStatus.Changed && await StateAsync(mine, ct) is { } after && IsSubmitted(after))
            result = StepResult.Done(ApplyTexts.ReviewNext, id);
        return await AnswerAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var mine = db.Enrollments.InScope(me).Where(e => e.Id == id);
        if (await StateAsync(mine, ct) == EnrollmentState.Cancelled)
            return this.FlashAndRedirect(ApplyTexts.Cancelled, "/Degree/Apply/Details", new { id });
        return await AnswerAsync(id, await db.RunAsync(mine, Version, e =>
        {
            e.Cancel(me.Actor, clock.Today(), clock.UtcNow());
            return ApplyTexts.Cancelled;
        }, ct), ct);
    }

    private static bool IsSubmitted(EnrollmentState s) => s.IsUnderReview() || s.ReachedAdmission();

    private static Task<EnrollmentState?> StateAsync(IQueryable<Enrollment> mine, CancellationToken ct) =>
        mine.AsNoTracking().Select(e => (EnrollmentState?)e.State).SingleOrDefaultAsync(ct);

    /// <summary>The one answer (PageAnswers): done → flashed on this page; changed 409, refused 422 → the page again with the message.</summary>
    private Task<IActionResult> AnswerAsync(int id, StepResult result, CancellationToken ct) =>
        this.AnswerAsync(result,
            done: () => RedirectToPage("/Degree/Apply/Details", new { id }),
            again: async () =>
            {
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
            },
            fieldPrefix: null);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        var app = (await Applications.ReadAsync(db.Enrollments.InScope(me).Where(e => e.Id == id), ct)).SingleOrDefault();
        if (app is null) return false;
        App = app;
        if (app.MayEdit && await eligibility.ForAsync(app.PersonId, Today, app.Id, ct) is { } facts)
            Offers = (await Applications.OffersAsync(db.FeeSchedules.Where(f => f.CohortId == app.CohortId), ct))
                .Where(o => o.ProgramId == app.ProgramId || Eligibility.Reasons(facts, o.Level).Count == 0)
                .ToList();
        if (FeeId == 0) FeeId = Offers.FirstOrDefault(o => o.ProgramId == app.ProgramId)?.FeeId ?? 0;
        return true;
    }
}
