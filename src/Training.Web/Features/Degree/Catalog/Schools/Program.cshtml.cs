using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Schools;

/// <summary>Corrects a program's name, level or duration; the level is fixed once anybody applied for it (the domain says so).</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class ProgramModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public DetailsModel.ProgramInput Input { get; set; } = new();
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public string ProgramName { get; private set; } = "";
    public int Enrollments { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var program = await LoadAsync(id, ct);
        if (program is null) return NotFound();
        Input = new DetailsModel.ProgramInput
        {
            Name = program.Name,
            Level = program.Level,
            DurationYears = program.DurationYears.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var program = await LoadAsync(id, ct);
        if (program is null) return NotFound();
        var years = ModelState.Whole("Input.DurationYears", Input.DurationYears, CatalogTexts.DurationYears);
        if (!Enum.IsDefined(Input.Level)) ModelState.AddModelError("Input.Level", CatalogTexts.ChooseLevel);
        var name = (Input.Name ?? "").Trim();
        if (await db.Programs.AnyAsync(p => p.SchoolId == program.SchoolId && p.Id != id && p.Name == name && p.Level == Input.Level, ct))
            ModelState.AddModelError("Input.Name", CatalogTexts.ProgramExists(Input.Level, name));
        if (!ModelState.IsValid) return this.Unprocessable();

        var before = DegreeTexts.ProgramWithYears(program.Name, program.Level, program.DurationYears);
        program.Change(name, Input.Level, years!.Value, Enrollments > 0);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.ProgramChangedAudit,
            CatalogTexts.ProgramAdded(SchoolName, CatalogTexts.Renamed(before, DegreeTexts.ProgramWithYears(program.Name, program.Level, program.DurationYears))), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Schools/Details", new { id = program.SchoolId });
    }

    private async Task<StudyProgram?> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.School).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return null;
        SchoolId = program.SchoolId;
        SchoolName = program.School.Name;
        ProgramName = program.Name;
        Enrollments = await db.Enrollments.InScope(me).CountAsync(e => e.ProgramId == id, ct);
        return program;
    }
}
