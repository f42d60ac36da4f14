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
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Degree.Registrar;

/// <summary>
/// One enrollment at the registrar's school: record graduation (date, certificate number),
/// which raises the person's highest education, or withdrawal (date, reason). One at a time,
/// each confirmed; the trainee is notified. Another school's enrollment: 404.
/// </summary>
[Authorize(Policy = DegreePermissions.Registrar)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, INotificationSender notifier, FiguresMemo memo) : PageModel
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
        StepAsync(id, nameof(Graduation), Graduation.On, DegreeTexts.GraduatedOn, ct, (e, on, today, now) =>
        {
            e.Graduate(me.Actor, on, Graduation.Certificate ?? "", today, now);
            return DegreeTexts.Graduated;
        });

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        StepAsync(id, nameof(Withdrawal), Withdrawal.On, DegreeTexts.WithdrawnOn, ct, (e, on, today, now) =>
        {
            e.Withdraw(me.Actor, on, Withdrawal.Reason ?? "", today, now);
            return DegreeTexts.Withdrawn;
        });

    /// <summary>Reads the form's date, then one step on the enrollment with what it changes (the person and its education history): act, notify, save.</summary>
    private async Task<IActionResult> StepAsync(int id, string form, string? dateText, string dateName, CancellationToken ct,
        Func<Enrollment, DateOnly, DateOnly, DateTime, string> act)
    {
        if (!EnrollmentForms.TryParseDate(dateText, dateName, out var on, out var error))
        {
            ModelState.AddModelError($"{form}.On", error!);
            return await LoadAsync(id, ct) ? this.Unprocessable() : NotFound();
        }
        var record = db.Enrollments.InScope(me).Where(Enrollment.HasReachedAdmission)
            .Include(e => e.Program)
            .Include(e => e.Person).ThenInclude(p => p.EducationHistory)
            .Where(e => e.Id == id);
        var result = await db.RunAsync(record, Version, e =>
        {
            var now = clock.UtcNow();
            var done = act(e, on, clock.Today(), now);
            notifier.Notify(e.PersonId, e.Id, EnrollmentMessages.For(e, e.Transitions[^1]), now);
            return done;
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Degree/School/Details", new { id }), () => LoadAsync(id, ct), form);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var record = await EnrollmentRecord.KeptAsync(memo, db.Enrollments.InScope(me), id, ct);
        if (record is null) return false;
        Record = record;
        return true;
    }
}
