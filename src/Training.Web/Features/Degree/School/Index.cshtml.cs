using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Degree.Enrollments;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

// Not "…Features.School": a namespace of that name would hide Training.Core.Domain.School in every feature.
namespace Training.Web.Features.Degree.Registrar;

/// <summary>学员学籍: the registrar's own school's enrollments, filtered by year, state and name, paged (htmx on the same URL).</summary>
[Authorize(Policy = DegreePermissions.Registrar)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public EnrollmentState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string SchoolName { get; private set; } = "";
    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>The page of rows shown: counted, its number clamped to the pages there are (the one Paged).</summary>
    public Paged<Row> Paged { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Row> Rows => Paged.Items;
    public int Total => Paged.Total;
    public int PageCount => Paged.PageCount;

    public sealed record Row(int Id, string Name, string IdNumber, string TownshipName, string VillageName, int Year,
        string Program, DegreeLevel Level, EnrollmentState State, DateOnly? AdmittedOn, DateOnly? EndedOn);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (State is not null && !EnrollmentForms.States.Contains(State.Value)) State = null;
        SchoolName = await db.Schools.AsNoTracking().Where(s => s.Id == me.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct) ?? "";
        var mine = db.Enrollments.AsNoTracking().InScope(me).Where(Enrollment.HasReachedAdmission);
        // The school's admitted students of every year, counted for the year list and the pager: kept until one of them
        // changes (the admitted facet, not every application: trainees apply and submit all day), a programme or a person.
        string[] counted = [DataFacets.AdmittedEnrollment, .. DataStamps.SubjectsOf(typeof(StudyProgram), typeof(Person))];
        Years = await memo.GetAsync("SchoolYears", counted,
            async ct => (IReadOnlyList<int>)await mine.Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct), ct);

        var query = mine;
        if (Year is not null) query = query.Where(e => e.Year == Year);
        if (State is not null) query = query.Where(e => e.State == State);
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) query = query.Where(e => e.Person.Name.Contains(q));

        var ordered = query.OrderByDescending(e => e.Year).ThenBy(e => e.Program.Name).ThenBy(e => e.Person.Name).ThenBy(e => e.Id);
        // Without a name to look for, the order of the school's students (a sort of thousands over names) is kept.
        Paged = string.IsNullOrEmpty(q)
            ? await ordered.Select(e => e.Id).ToPagedInKeptOrderAsync(memo, $"SchoolOrder|{Year}|{State}", counted,
                // The page's rows too, kept until what they show changes (names of persons, villages, programmes; the admitted).
                (ids, ct) => memo.GetAsync($"SchoolRows|{string.Join(',', ids)}", [.. counted, DataStamps.SubjectOf(typeof(OrgUnit))],
                    async ct => await RowsOf(mine.Where(e => ids.Contains(e.Id))).ToListAsync(ct), ct), r => r.Id, PageNumber, ct, PageSize)
            : await RowsOf(ordered).ToPagedAsync(PageNumber, ct, PageSize);
        PageNumber = Paged.PageNumber;
        return this.PageOrFragment("_Rows");
    }

    private static IQueryable<Row> RowsOf(IQueryable<Enrollment> enrollments) =>
        enrollments.Select(e => new Row(e.Id, e.Person.Name, e.Person.IdNumber, e.Village.Parent!.Name, e.Village.Name, e.Year,
            e.Program.Name, e.Level, e.State, e.AdmittedOn, e.GraduatedOn ?? e.WithdrawnOn));

    public string PageUrl(int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        if (Year is not null) parts.Add("year=" + Year);
        if (State is not null) parts.Add("state=" + State);
        if (page > 1) parts.Add("p=" + page);
        return "/School" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
