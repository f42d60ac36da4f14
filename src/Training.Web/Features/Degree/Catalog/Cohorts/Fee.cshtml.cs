using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Cohorts;

/// <summary>
/// Offers a program in a cohort with its fee schedule, or changes the schedule of a program on
/// offer (?program=). Amounts are typed in yuan and stored in fen; the split itself says when
/// the three parts do not add up to the total or one is negative, and the form keeps what was typed.
/// </summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class FeeModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>The program on offer whose schedule is changed; null to offer a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "program")] public int? Editing { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public string CohortName { get; private set; } = "";
    public string? EditingName { get; private set; }
    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    public sealed record Choice(int Id, string Text);

    public sealed class InputModel
    {
        public int? ProgramId { get; set; }
        public string? Total { get; set; }
        public string? Subsidy { get; set; }
        public string? Waiver { get; set; }
        public string? SelfPaid { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, ct);
        if (cohort is null) return NotFound();
        if (Editing is not null)
        {
            var fee = cohort.Fees.SingleOrDefault(f => f.ProgramId == Editing);
            if (fee is null) return NotFound();
            Input = new InputModel
            {
                Total = FormInput.YuanText(fee.Split.TotalFen),
                Subsidy = FormInput.YuanText(fee.Split.SubsidyFen),
                Waiver = FormInput.YuanText(fee.Split.WaiverFen),
                SelfPaid = FormInput.YuanText(fee.Split.SelfPaidFen),
            };
        }
        else
        {
            Input = new InputModel { SelfPaid = FormInput.YuanText(FeeSplit.DefaultSelfPaidFen) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, ct);
        if (cohort is null) return NotFound();
        var fee = Editing is null ? null : cohort.Fees.SingleOrDefault(f => f.ProgramId == Editing);
        if (Editing is not null && fee is null) return NotFound();

        StudyProgram? program = null;
        if (fee is null)
        {
            if (Input.ProgramId is not { } programId || Choices.All(c => c.Id != programId))
                ModelState.AddModelError("Input.ProgramId", CatalogTexts.ChooseProgram);
            else
                program = await db.Programs.SingleAsync(p => p.Id == programId, ct);
        }
        var total = ModelState.Yuan("Input.Total", Input.Total, DegreeTexts.Total);
        var subsidy = ModelState.Yuan("Input.Subsidy", Input.Subsidy, DegreeTexts.Subsidy);
        var waiver = ModelState.Yuan("Input.Waiver", Input.Waiver, DegreeTexts.Waiver);
        var selfPaid = ModelState.Yuan("Input.SelfPaid", Input.SelfPaid, DegreeTexts.SelfPaid);
        if (!ModelState.IsValid) return this.Unprocessable();

        // Throws with the message the form shows when the parts do not add up or one is negative.
        var split = new FeeSplit(total!.Value, subsidy!.Value, waiver!.Value, selfPaid!.Value);
        if (fee is not null)
        {
            var before = fee.Split;
            fee.ChangeSplit(split);
            db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.FeeChangedAudit,
                CatalogTexts.FeeChanged(cohort.Name, DegreeTexts.ProgramWithLevel(fee.Program.Name, fee.Program.Level), before, split),
                clock.UtcNow()));
        }
        else
        {
            cohort.Offer(program!, split);
            db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.OfferedAudit,
                CatalogTexts.Offered(cohort.Name, DegreeTexts.ProgramWithLevel(program!.Name, program.Level), split), clock.UtcNow()));
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Cohorts/Details", new { id });
    }

    private async Task<Cohort?> LoadAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.Include(c => c.Fees).ThenInclude(f => f.Program).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return null;
        CohortName = cohort.Name;
        EditingName = cohort.Fees.Where(f => f.ProgramId == Editing)
            .Select(f => DegreeTexts.ProgramWithLevel(f.Program.Name, f.Program.Level)).SingleOrDefault();
        var offered = cohort.Fees.Select(f => f.ProgramId).ToList();
        Choices = (await db.Programs.AsNoTracking().Where(p => !offered.Contains(p.Id))
                .OrderBy(p => p.SchoolId).ThenBy(p => p.Level).ThenBy(p => p.Name)
                .Select(p => new { p.Id, School = p.School.Name, p.Name, p.Level, p.DurationYears })
                .ToListAsync(ct))
            .Select(p => new Choice(p.Id, DegreeTexts.ProgramLine(p.School, p.Name, p.Level, p.DurationYears)))
            .ToList();
        return cohort;
    }
}
