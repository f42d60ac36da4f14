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
        var enrollment = await db.Enrollments.InScope(me).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return NotFound();
        var fee = await db.FeeSchedules.Include(f => f.Program).SingleOrDefaultAsync(f => f.Id == FeeId, ct);
        if (fee is null) return await FailAsync(id, ApplyTexts.NoOffer, ct);
        if (fee.CohortId == enrollment.CohortId && fee.ProgramId == enrollment.ProgramId && enrollment.State == EnrollmentState.Draft) return RedirectToPage("/Degree/Apply/Details", new { id });
        var facts = await eligibility.ForAsync(enrollment.PersonId, clock.Today(), enrollment.Id, ct);
        if (facts is null) return NotFound();

        db.ExpectVersion(enrollment, Version);
        try
        {
            enrollment.ChangeProgram(fee, facts);
        }
        catch (DomainException ex)
        {
            return await FailAsync(id, ex.Message, ct);
        }
        return await db.TrySaveAsync(ct)
            ? this.FlashAndRedirect(ApplyTexts.ProgramChanged, "/Degree/Apply/Details", new { id })
            : await FailAsync(id, CommonTexts.Changed, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.InScope(me).Include(e => e.Cohort).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return NotFound();
        if (IsSubmitted(enrollment.State)) return this.FlashAndRedirect(ApplyTexts.ReviewNext, "/Degree/Apply/Details", new { id });

        db.ExpectVersion(enrollment, Version);
        try
        {
            enrollment.Submit(me.Actor, enrollment.Cohort, clock.Today(), clock.UtcNow());
        }
        catch (DomainException ex)
        {
            return await FailAsync(id, ex.Message, ct);
        }
        if (await db.TrySaveAsync(ct)) return this.FlashAndRedirect(ApplyTexts.ReviewNext, "/Degree/Apply/Details", new { id });

        // Changed since the page was drawn. If the change was this same submit arriving twice,
        // the trainee got what they asked for; anything else (e.g. a return) they must see first.
        var now = await db.Enrollments.AsNoTracking().InScope(me).Where(e => e.Id == id).Select(e => e.State).SingleAsync(ct);
        return IsSubmitted(now)
            ? this.FlashAndRedirect(ApplyTexts.ReviewNext, "/Degree/Apply/Details", new { id })
            : await FailAsync(id, CommonTexts.Changed, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.InScope(me).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return NotFound();
        if (enrollment.State == EnrollmentState.Cancelled) return this.FlashAndRedirect(ApplyTexts.Cancelled, "/Degree/Apply/Details", new { id });

        db.ExpectVersion(enrollment, Version);
        try
        {
            enrollment.Cancel(me.Actor, clock.Today(), clock.UtcNow());
        }
        catch (DomainException ex)
        {
            return await FailAsync(id, ex.Message, ct);
        }
        return await db.TrySaveAsync(ct)
            ? this.FlashAndRedirect(ApplyTexts.Cancelled, "/Degree/Apply/Details", new { id })
            : await FailAsync(id, CommonTexts.Changed, ct);
    }

    private static bool IsSubmitted(EnrollmentState s) => s.IsUnderReview() || s.ReachedAdmission();

    private async Task<IActionResult> FailAsync(int id, string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        if (!await LoadAsync(id, ct)) return NotFound();
        return this.Unprocessable();
    }

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
