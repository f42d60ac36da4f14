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
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Degree.Enrollments;

/// <summary>
/// One enrollment: the trainee, the program, the tuition split with what is owed, paid and
/// outstanding, the payments and the timeline. District and city staff record the trainee's
/// instalments; the city records subsidy disbursements and adjusts the split with a reason.
/// Outside the scope (or not yet admitted): 404.
/// </summary>
[Authorize(Policy = DegreePermissions.Enrollments)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, INotificationSender notifier, FiguresMemo memo) : PageModel
{
    public EnrollmentRecord Record { get; private set; } = null!;
    [BindProperty] public PaymentInput Pay { get; set; } = new();
    [BindProperty] public PaymentInput Subsidy { get; set; } = new();
    [BindProperty] public SplitInput Adjust { get; set; } = new();
    /// <summary>The version the form was drawn from: a second click or a colleague's change in between is caught.</summary>
    [BindProperty] public Guid Version { get; set; }

    public bool MayRecordSelfPaid => me.IsIn(Roles.DistrictStaff) || me.IsIn(Roles.CityAdmin);
    public bool MayRecordSubsidy => me.IsIn(Roles.CityAdmin);
    public bool MayAdjustSplit => me.IsIn(Roles.CityAdmin);
    public DateOnly Today => clock.Today();

    public sealed class PaymentInput
    {
        public string? Amount { get; set; }
        public string? PaidOn { get; set; }
        public string? Receipt { get; set; }
    }

    public sealed class SplitInput
    {
        public string? Total { get; set; }
        public string? Subsidy { get; set; }
        public string? Waiver { get; set; }
        public string? SelfPaid { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Adjust = new SplitInput
        {
            Total = EnrollmentForms.YuanInput(Record.TotalFen),
            Subsidy = EnrollmentForms.YuanInput(Record.SubsidyFen),
            Waiver = EnrollmentForms.YuanInput(Record.WaiverFen),
            SelfPaid = EnrollmentForms.YuanInput(Record.SelfPaidFen),
        };
        return Page();
    }

    public Task<IActionResult> OnPostPayAsync(int id, CancellationToken ct) =>
        MayRecordSelfPaid ? RecordPaymentAsync(id, PaymentKind.SelfPaid, Pay, nameof(Pay), DegreeTexts.PaymentRecorded, ct) : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostSubsidyAsync(int id, CancellationToken ct) =>
        MayRecordSubsidy ? RecordPaymentAsync(id, PaymentKind.SubsidyDisbursement, Subsidy, nameof(Subsidy), DegreeTexts.SubsidyRecorded, ct) : Task.FromResult<IActionResult>(Forbid());

    public async Task<IActionResult> OnPostAdjustAsync(int id, CancellationToken ct)
    {
        if (!MayAdjustSplit) return Forbid();
        var ok = EnrollmentForms.TryParseYuan(Adjust.Total, DegreeTexts.Total, out var total, out var e1) & Field("Adjust.Total", e1);
        ok &= EnrollmentForms.TryParseYuan(Adjust.Subsidy, DegreeTexts.Subsidy, out var subsidy, out var e2) & Field("Adjust.Subsidy", e2);
        ok &= EnrollmentForms.TryParseYuan(Adjust.Waiver, DegreeTexts.Waiver, out var waiver, out var e3) & Field("Adjust.Waiver", e3);
        ok &= EnrollmentForms.TryParseYuan(Adjust.SelfPaid, DegreeTexts.SelfPaid, out var selfPaid, out var e4) & Field("Adjust.SelfPaid", e4);
        if (!ok) return await AgainAsync(id, ct);

        var result = await db.RunAsync(Admitted(id).Include(e => e.Program).Include(e => e.Payments), Version, e =>
        {
            e.AdjustSplit(me.Actor, new FeeSplit(total, subsidy, waiver, selfPaid), Adjust.Reason ?? "", clock.Today(), clock.UtcNow());
            var step = e.Transitions[^1];
            db.Audit.Add(new AuditEntry(me.UserName, DegreeTexts.SplitAdjustedAudit, DegreeTexts.EnrollmentAudit(e.Id, e.Year, step.Comment), clock.UtcNow()));
            notifier.Notify(e.PersonId, e.Id, EnrollmentMessages.For(e, step), clock.UtcNow());
            return DegreeTexts.SplitAdjusted;
        }, ct);
        return await AnswerAsync(result, id, nameof(Adjust), ct);
    }

    private async Task<IActionResult> RecordPaymentAsync(int id, PaymentKind kind, PaymentInput input, string form, string done, CancellationToken ct)
    {
        var ok = EnrollmentForms.TryParseYuan(input.Amount, DegreeTexts.Amount, out var fen, out var amountError) & Field($"{form}.Amount", amountError);
        ok &= EnrollmentForms.TryParseDate(input.PaidOn, kind == PaymentKind.SelfPaid ? DegreeTexts.SelfPaidOn : DegreeTexts.SubsidyPaidOn, out var paidOn, out var dateError)
              & Field($"{form}.PaidOn", dateError);
        if (!ok) return await AgainAsync(id, ct);

        var result = await db.RunAsync(Admitted(id).Include(e => e.Payments), Version, e =>
        {
            var payment = e.RecordPayment(kind, fen, paidOn, input.Receipt ?? "", me.Actor, clock.Today(), clock.UtcNow());
            db.Audit.Add(new AuditEntry(me.UserName, kind.Name(),
                DegreeTexts.EnrollmentAudit(e.Id, e.Year, DegreeTexts.PaymentAudit(Money.Format(payment.AmountFen), payment.PaidOn, payment.ReceiptNumber)), clock.UtcNow()));
            return done;
        }, ct);
        return await AnswerAsync(result, id, form, ct);
    }

    private IQueryable<Enrollment> Admitted(int id) =>
        db.Enrollments.InScope(me).Where(Enrollment.HasReachedAdmission).Where(e => e.Id == id);

    /// <summary>Done: Post/Redirect/Get, so a refresh does not record the payment twice; otherwise the page again with the message in the form it came from.</summary>
    private Task<IActionResult> AnswerAsync(StepResult result, int id, string form, CancellationToken ct) =>
        this.AnswerAsync(result, () => RedirectToPage("/Degree/Enrollments/Details", new { id }), () => LoadAsync(id, ct), form);

    /// <summary>Puts a field's message where the form shows it; true when there is none.</summary>
    private bool Field(string key, string? error)
    {
        if (error is null) return true;
        ModelState.AddModelError(key, error);
        return false;
    }

    /// <summary>The page again with the messages and what was typed (422, so htmx would swap it too).</summary>
    private async Task<IActionResult> AgainAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? this.Unprocessable() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var record = await EnrollmentRecord.KeptAsync(memo, db.Enrollments.InScope(me), id, ct);
        if (record is null) return false;
        Record = record;
        return true;
    }
}
