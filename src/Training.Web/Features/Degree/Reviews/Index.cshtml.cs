using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Reviews;

/// <summary>
/// The review queue of the signed-in reviewer's level (township: submitted; district: approved
/// by the township; city: approved by the district), in its scope, for one cohort, narrowed to a
/// unit below and searched by name, paged; counts per state and, for district and city, the
/// quota used and left. District and city may approve selected rows at once.
/// </summary>
[Authorize(Policy = DegreePermissions.Review)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, QuotaQuery quotas, ReviewWorkflow workflow, FiguresMemo memo) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "cohort")] public int? Cohort { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public EnrollmentState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Checked rows of the bulk form, each "id:version" (the version the queue showed).</summary>
    [BindProperty(Name = "pick")] public List<string> Picks { get; set; } = [];
    [BindProperty(Name = "comment")] public string? Comment { get; set; }

    public ReviewStage Stage { get; private set; } = null!;
    public IReadOnlyList<Option> Cohorts { get; private set; } = [];
    public IReadOnlyList<Option> Units { get; private set; } = [];
    public IReadOnlyList<StateCount> Counts { get; private set; } = [];
    public IReadOnlyList<QuotaQuery.Use> Quotas { get; private set; } = [];
    /// <summary>The page of rows shown: counted, its number clamped to the pages there are (the one Paged).</summary>
    public Paged<Row> Paged { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Row> Rows => Paged.Items;
    public IReadOnlyList<ReviewWorkflow.Decided> BulkOutcomes { get; private set; } = [];
    public string? BulkError { get; private set; }
    public int Total => Paged.Total;
    public int PageCount => Paged.PageCount;
    public EnrollmentState Listed => State ?? Stage.Waiting;
    public bool CanBulkApprove => Stage.MayBulkApprove && Listed == Stage.Waiting && Rows.Count > 0;
    public bool ShowTownship => Stage.Level != OrgLevel.Township;
    public bool ShowDistrict => Stage.Level == OrgLevel.City;

    public sealed record Option(int Id, string Name);
    public sealed record StateCount(EnrollmentState State, int Count);
    public sealed record Row(int Id, Guid Version, string Name, string IdNumber, string VillageName, string TownshipName,
        string DistrictName, string Program, DegreeLevel Level, string School, EnrollmentState State, DateTime? SubmittedAt);

    /// <summary>The states shown in the header, in the order of the workflow.</summary>
    public static readonly EnrollmentState[] StateOrder = Enum.GetValues<EnrollmentState>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Stage = ReviewStage.For(me)!;
        if (!await ValidFiltersAsync(ct)) return NotFound();
        await LoadAsync(ct);
        return this.PageOrFragment("_Rows");
    }

    /// <summary>Bulk approve: each checked row is decided on its own and the answer lists what passed and what did not.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        Stage = ReviewStage.For(me)!;
        if (!Stage.MayBulkApprove) return Forbid();
        if (!await ValidFiltersAsync(ct)) return NotFound();
        var picks = Picks.Select(Parse).Where(p => p is not null).Select(p => p!.Value).DistinctBy(p => p.Id).ToList();
        if (picks.Count == 0)
        {
            BulkError = DegreeTexts.PickToApprove;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        BulkOutcomes = await workflow.ApproveManyAsync(picks, Comment, ct);
        await LoadAsync(ct);
        return Page();
    }

    private static (int Id, Guid Version)? Parse(string pick)
    {
        var parts = (pick ?? "").Split(':', 2);
        return parts.Length == 2 && int.TryParse(parts[0], out var id) && Guid.TryParse(parts[1], out var version)
            ? (id, version)
            : null;
    }

    private async Task<bool> ValidFiltersAsync(CancellationToken ct)
    {
        if (Unit is not null && !await db.OrgUnits.InScope(me).AnyAsync(u => u.Id == Unit, ct)) return false;
        if (Cohort is not null && !await db.Cohorts.AnyAsync(c => c.Id == Cohort, ct)) return false;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // The filters' choices kept until a cohort or a unit is saved: two queries on every view of the queue.
        (Cohorts, Units) = await memo.GetAsync("ReviewsChoices", [typeof(Cohort), typeof(OrgUnit)], async ct => (
            (IReadOnlyList<Option>)await db.Cohorts.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
                .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct),
            (IReadOnlyList<Option>)await db.OrgUnits.AsNoTracking().InScope(me).Where(u => u.ParentId == me.OrgUnitId)
                .OrderBy(u => u.Code).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct)), ct);
        // The queue's header counts every application of the scope (at the city 30 ms): kept until one changes.
        Type[] counted = [typeof(Enrollment), typeof(OrgUnit), typeof(Cohort), typeof(DistrictQuota)];
        Cohort ??= await memo.GetAsync($"ReviewsCohort|{Stage.Waiting}", counted, DefaultCohortAsync, ct);
        if (Cohort is not { } cohortId) return;

        var inCohort = db.Enrollments.AsNoTracking().InScope(me).Where(e => e.CohortId == cohortId);
        if (Unit is not null)
        {
            var path = await db.OrgUnits.Where(u => u.Id == Unit).Select(u => u.Path).SingleAsync(ct);
            inCohort = inCohort.Where(e => OrgPaths.IsUnder(e.Village.Path, path));
        }
        var counts = await memo.GetAsync($"ReviewsCounts|{cohortId}|{Unit}", counted,
            async ct => (await inCohort.GroupBy(e => e.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .ToDictionary(c => c.Key, c => c.Count), ct);
        Counts = StateOrder.Select(s => new StateCount(s, counts.GetValueOrDefault(s))).ToList();
        if (Stage.Level != OrgLevel.Township)
            Quotas = await memo.GetAsync($"ReviewsQuotas|{cohortId}", counted,
                ct => quotas.ForCohortAsync(cohortId, db.OrgUnits.InScope(me), ct), ct);

        var listed = Listed;
        var query = inCohort.Where(e => e.State == listed);
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) query = query.Where(e => e.Person.Name.Contains(q));
        Task<Paged<Row>> PageAsync(CancellationToken ct) => query
            .OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id)
            .Select(e => new Row(e.Id, e.Version, e.Person.Name, e.Person.IdNumber, e.Village.Name, e.Village.Parent!.Name,
                e.Village.Parent!.Parent!.Name, e.Program.Name, e.Level, e.Program.School.Name, e.State, e.SubmittedAt))
            .ToPagedAsync(PageNumber, ct, PageSize, count: string.IsNullOrEmpty(q) ? _ => Task.FromResult(counts.GetValueOrDefault(listed)) : null);
        // Without a name to look for, the page is kept with the counts until an application or what a row names changes
        // (a row's version is the application's: a decision raises the applications' stamp).
        Paged = string.IsNullOrEmpty(q)
            ? await memo.GetAsync($"ReviewsPage|{cohortId}|{Unit}|{listed}|{PageNumber}", PageFollows, PageAsync, ct)
            : await PageAsync(ct);
        PageNumber = Paged.PageNumber;
    }

    private static readonly Type[] PageFollows =
        [typeof(Enrollment), typeof(OrgUnit), typeof(Cohort), typeof(Person), typeof(StudyProgram), typeof(School)];

    /// <summary>The newest cohort with applications waiting at this level in the scope; else with any application in the scope; else the newest.</summary>
    private async Task<int?> DefaultCohortAsync(CancellationToken ct)
    {
        var mine = db.Enrollments.AsNoTracking().InScope(me);
        var waiting = Stage.Waiting;
        return await mine.Where(e => e.State == waiting).OrderByDescending(e => e.Year).Select(e => (int?)e.CohortId).FirstOrDefaultAsync(ct)
            ?? await mine.OrderByDescending(e => e.Year).Select(e => (int?)e.CohortId).FirstOrDefaultAsync(ct)
            ?? Cohorts.Select(c => (int?)c.Id).FirstOrDefault();
    }

    public string PageUrl(int page)
    {
        var parts = new List<string>();
        if (Cohort is not null) parts.Add("cohort=" + Cohort);
        if (Unit is not null) parts.Add("unit=" + Unit);
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        if (State is not null) parts.Add("state=" + State);
        if (page > 1) parts.Add("p=" + page);
        return "/Reviews" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
