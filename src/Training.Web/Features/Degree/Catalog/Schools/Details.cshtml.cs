using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Schools;

/// <summary>One school: rename it (names are unique), see its programs, add a program (level 大专/本科, duration).</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>The rename form's field. Not called "Name": with no "NewProgram." fields posted, model binding would read NewProgram.Name from it.</summary>
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public ProgramInput NewProgram { get; set; } = new();
    public string SchoolName { get; private set; } = "";
    public IReadOnlyList<Row> Programs { get; private set; } = [];

    public sealed record Row(int Id, string Name, DegreeLevel Level, int DurationYears, int Cohorts, int Enrollments);

    public sealed class ProgramInput
    {
        public string? Name { get; set; }
        public DegreeLevel Level { get; set; } = DegreeLevel.Associate;
        public string? DurationYears { get; set; } = "3";
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken ct)
    {
        var name = (NewName ?? "").Trim();
        if (!await LoadAsync(id, ct)) return NotFound();
        var school = await db.Schools.SingleAsync(s => s.Id == id, ct);
        if (await db.Schools.AnyAsync(s => s.Name == name && s.Id != id, ct))
        {
            ModelState.AddModelError(nameof(NewName), CatalogTexts.SchoolNameTaken(name));
            return this.Unprocessable();
        }
        var before = school.Name;
        school.Rename(name);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.SchoolRenamedAudit, CatalogTexts.Renamed(before, school.Name), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Schools/Details", new { id });
    }

    public async Task<IActionResult> OnPostAddProgramAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var years = ModelState.Whole("NewProgram.DurationYears", NewProgram.DurationYears, CatalogTexts.DurationYears);
        if (!Enum.IsDefined(NewProgram.Level)) ModelState.AddModelError("NewProgram.Level", CatalogTexts.ChooseLevel);
        var name = (NewProgram.Name ?? "").Trim();
        if (await db.Programs.AnyAsync(p => p.SchoolId == id && p.Name == name && p.Level == NewProgram.Level, ct))
            ModelState.AddModelError("NewProgram.Name", CatalogTexts.ProgramExists(NewProgram.Level, name));
        if (name.Length > 100) ModelState.AddModelError("NewProgram.Name", CatalogTexts.ProgramNameTooLong);
        if (!ModelState.IsValid) return this.Unprocessable();

        var school = await db.Schools.SingleAsync(s => s.Id == id, ct);
        var program = StudyProgram.Create(school, name, NewProgram.Level, years!.Value);
        db.Programs.Add(program);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.ProgramAddedAudit,
            CatalogTexts.ProgramAdded(school.Name, DegreeTexts.ProgramWithYears(program.Name, program.Level, program.DurationYears)), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Schools/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (school is null) return false;
        SchoolName = school;
        NewName ??= school;
        var enrollments = db.Enrollments.AsNoTracking().InScope(me);
        Programs = await db.Programs.AsNoTracking().Where(p => p.SchoolId == id)
            .OrderBy(p => p.Level).ThenBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Level, p.DurationYears,
                db.FeeSchedules.Count(f => f.ProgramId == p.Id),
                enrollments.Count(e => e.ProgramId == p.Id)))
            .ToListAsync(ct);
        return true;
    }
}
