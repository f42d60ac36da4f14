using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Persons;

/// <summary>One person's record: posts, education history, degree study, reserve status. Outside the scope: 404.</summary>
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public PersonView Person { get; private set; } = null!;
    public IReadOnlyList<PostRow> Posts { get; private set; } = [];
    public IReadOnlyList<EducationRow> Education { get; private set; } = [];
    public IReadOnlyList<EnrollmentRow> Enrollments { get; private set; } = [];
    public IReadOnlyList<ReserveRow> Reserves { get; private set; } = [];
    public bool ShowFull => me.MaySeePersonalData;
    public DateOnly Today { get; private set; }

    public sealed record PersonView(int Id, string Name, Sex Sex, DateOnly BirthDate, string IdNumber, string? Phone,
        PoliticalStatus PoliticalStatus, Education Education, int VillageId, string VillageName, string VillageCode, string TownshipName);
    public sealed record PostRow(string VillageName, PostType Type, DateOnly Start, DateOnly? End);
    public sealed record EducationRow(Education Level, DateOnly? EffectiveOn, EducationSource Source, string Note);
    public sealed record EnrollmentRow(int Year, string School, string Program, DegreeLevel Level, EnrollmentState State,
        DateOnly? AdmittedOn, DateOnly? GraduatedOn);
    public sealed record ReserveRow(int Id, ReserveTarget Target, ReserveState State, DateOnly RecommendedOn, DateOnly? InPoolOn, DateOnly? LeftPoolOn, string? Reason);
    /// <summary>Each candidacy's steps, oldest first (村推 → 镇选 → 区考察 → 任用/退出).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>> ReserveTimelines { get; private set; } =
        new Dictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>>();
    public bool MayOpenReserves => me.OrgPath is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().InScope(me).Where(p => p.Id == id)
            .Select(p => new PersonView(p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Phone, p.PoliticalStatus,
                p.Education, p.VillageId, p.Village.Name, p.Village.Code, p.Village.Parent!.Name))
            .SingleOrDefaultAsync(ct);
        if (person is null) return NotFound();
        Person = person;
        Today = clock.Today();

        Posts = await db.Posts.AsNoTracking().Where(p => p.PersonId == id)
            .OrderByDescending(p => p.StartDate)
            .Select(p => new PostRow(p.Village.Name, p.Type, p.StartDate, p.EndDate)).ToListAsync(ct);
        Education = await db.EducationRecords.AsNoTracking().Where(r => r.PersonId == id)
            .OrderBy(r => r.EffectiveOn).ThenBy(r => r.RecordedAt)
            .Select(r => new EducationRow(r.Level, r.EffectiveOn, r.Source, r.Note)).ToListAsync(ct);
        Enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PersonId == id)
            .OrderByDescending(e => e.Year)
            .Select(e => new EnrollmentRow(e.Year, e.Program.School.Name, e.Program.Name, e.Level, e.State, e.AdmittedOn, e.GraduatedOn))
            .ToListAsync(ct);
        Reserves = await db.Reserves.AsNoTracking().Where(r => r.PersonId == id)
            .OrderByDescending(r => r.RecommendedOn).ThenByDescending(r => r.Id)
            .Select(r => new ReserveRow(r.Id, r.Target, r.State, r.RecommendedOn, r.InPoolOn, r.LeftPoolOn, r.Reason)).ToListAsync(ct);
        var timelines = new Dictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>>();
        foreach (var r in Reserves) timelines[r.Id] = await Features.Reserves.ReserveTimeline.ForAsync(db, r.Id, ct);
        ReserveTimelines = timelines;
        return Page();
    }

    public static string SourceName(EducationSource s) => s switch
    {
        EducationSource.Recorded => "登记",
        EducationSource.Graduation => "毕业",
        _ => "更正",
    };
}
