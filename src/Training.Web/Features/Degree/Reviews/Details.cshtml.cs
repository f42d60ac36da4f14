using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Degree.Reviews;

/// <summary>
/// One application as a reviewer sees it: the applicant, eligibility today, cohort and program,
/// the timeline, and the steps the viewer's level may take now. Each step posts the version the
/// page showed: if someone else acted first, the reviewer is told and shown the new state.
/// Outside the scope: 404.
/// </summary>
[Authorize(Policy = DegreePermissions.Review)]
public sealed class DetailsModel(
    TrainingDbContext db, CurrentUser me, EligibilityQuery eligibility, QuotaQuery quotas, ReviewWorkflow workflow, TimeProvider clock)
    : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? ReturnReason { get; set; }
    [BindProperty] public string? RejectReason { get; set; }

    public ReviewStage Stage { get; private set; } = null!;
    public ApplicationView Application { get; private set; } = null!;
    public Eligibility.Facts? Facts { get; private set; }
    public IReadOnlyList<string> Reasons { get; private set; } = [];
    public IReadOnlyList<Step> Timeline { get; private set; } = [];
    public QuotaQuery.Use? Quota { get; private set; }
    public bool CanAct => Application.State == Stage.Waiting;

    public sealed record ApplicationView(int Id, Guid Version, EnrollmentState State, int PersonId, string Name, Sex Sex,
        DateOnly BirthDate, string IdNumber, string? Phone, PoliticalStatus PoliticalStatus, string VillageName,
        string TownshipName, string DistrictName, int DistrictId, int CohortId, string CohortName, string Program,
        DegreeLevel Level, int DurationYears, string School, long TotalFen, long SubsidyFen, long WaiverFen, long SelfPaidFen,
        DateTime CreatedAt, DateTime? SubmittedAt, DateOnly? AdmittedOn);

    public sealed record Step(DateTime At, EnrollmentAction Action, EnrollmentState From, EnrollmentState To, string Actor, string Comment);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        DecideAsync(id, ReviewWorkflow.Decision.Approve, Comment, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        DecideAsync(id, ReviewWorkflow.Decision.Return, ReturnReason, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        DecideAsync(id, ReviewWorkflow.Decision.Reject, RejectReason, ct);

    private async Task<IActionResult> DecideAsync(int id, ReviewWorkflow.Decision decision, string? comment, CancellationToken ct) =>
        await this.AnswerAsync(await workflow.DecideAsync(id, Version, decision, comment, ct),
            done: () => RedirectToPage("/Degree/Reviews/Index"),
            // Changed or refused: the page again, with the latest state, the message and what was typed.
            again: async () => await LoadAsync(id, ct));

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Stage = ReviewStage.For(me)!;
        var application = await db.Enrollments.AsNoTracking().InScope(me).Where(e => e.Id == id)
            .Select(e => new ApplicationView(e.Id, e.Version, e.State, e.PersonId, e.Person.Name, e.Person.Sex,
                e.Person.BirthDate, e.Person.IdNumber, e.Person.Phone, e.Person.PoliticalStatus, e.Village.Name,
                e.Village.Parent!.Name, e.Village.Parent!.Parent!.Name, e.Village.Parent!.Parent!.Id, e.CohortId, e.Cohort.Name,
                e.Program.Name, e.Level, e.Program.DurationYears, e.Program.School.Name,
                e.Split.TotalFen, e.Split.SubsidyFen, e.Split.WaiverFen, e.Split.SelfPaidFen,
                e.CreatedAt, e.SubmittedAt, e.AdmittedOn))
            .SingleOrDefaultAsync(ct);
        if (application is null) return false;
        Application = application;

        var today = clock.Today();
        Facts = await eligibility.ForAsync(application.PersonId, today, ignoringEnrollmentId: id, ct);
        Reasons = Facts is null ? [] : Eligibility.Reasons(Facts, application.Level);
        Timeline = await db.EnrollmentTransitions.AsNoTracking().Where(t => t.EnrollmentId == id)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new Step(t.At, t.Action, t.From, t.To, t.Actor, t.Comment))
            .ToListAsync(ct);
        if (Stage.Level != OrgLevel.Township)
            Quota = await quotas.ForDistrictAsync(application.CohortId, application.DistrictId, ct);
        return true;
    }

}
