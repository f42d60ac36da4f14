using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Degree;
using Training.Web.Features.Degree.Enrollments;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Registrar;

/// <summary>
/// One enrollment at the registrar's school: record graduation (date, certificate number),
/// which raises the person's highest education, or withdrawal (date, reason). One at a time,
/// each confirmed; the trainee is notified. Another school's enrollment: 404.
/// </summary>
[Authorize(Policy = DegreePermissions.Registrar)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, INotificationSender notifier) : PageModel
{
    public EnrollmentRecord Record { get; private set; } = null!;
    [BindProperty] public GraduationInput Graduation { get; set; } = new();
    [BindProperty] public WithdrawalInput Withdrawal { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public DateOnly Today => clock.Today();

    public sealed class GraduationInput
    {
        public string? On { get; set; }
        public string? Certificate { get; set; }
    }

    public sealed class WithdrawalInput
    {
        public string? On { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostGraduateAsync(int id, CancellationToken ct) =>
        ActAsync(id, nameof(Graduation), DegreeTexts.Graduated, ct, (e, today, now) =>
        {
            var ok = EnrollmentForms.TryParseDate(Graduation.On, "毕业日期", out var on, out var error);
            if (!ok) return error;
            e.Graduate(me.Actor, on, Graduation.Certificate ?? "", today, now);
            return null;
        });

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        ActAsync(id, nameof(Withdrawal), DegreeTexts.Withdrawn, ct, (e, today, now) =>
        {
            var ok = EnrollmentForms.TryParseDate(Withdrawal.On, "退学日期", out var on, out var error);
            if (!ok) return error;
            e.Withdraw(me.Actor, on, Withdrawal.Reason ?? "", today, now);
            return null;
        });

    /// <summary>Loads the enrollment with what the step changes (the person and its education history), acts, notifies, saves.</summary>
    private async Task<IActionResult> ActAsync(int id, string form, string done, CancellationToken ct,
        Func<Enrollment, DateOnly, DateTime, string?> act)
    {
        var enrollment = await db.Enrollments.InScope(me).Where(Enrollment.HasReachedAdmission)
            .Include(e => e.Program)
            .Include(e => e.Person).ThenInclude(p => p.EducationHistory)
            .SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return NotFound();

        var now = clock.UtcNow();
        try
        {
            db.ExpectVersion(enrollment, Version);
            if (act(enrollment, clock.Today(), now) is { } inputError)
            {
                ModelState.AddModelError($"{form}.On", inputError);
                return await RedisplayAsync(id, ct);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(form, ex.Message);
            return await RedisplayAsync(id, ct);
        }
        notifier.Notify(enrollment.PersonId, enrollment.Id, EnrollmentMessages.For(enrollment, enrollment.Transitions[^1]), now);
        if (!await db.TrySaveAsync(ct))
        {
            ModelState.AddModelError(form, CommonTexts.Changed);
            return await RedisplayAsync(id, ct);
        }
        return this.FlashAndRedirect(done, "/Degree/School/Details", new { id });
    }

    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        return this.Unprocessable();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var record = await EnrollmentRecord.LoadAsync(db.Enrollments.InScope(me), id, ct);
        if (record is null) return false;
        Record = record;
        return true;
    }
}
