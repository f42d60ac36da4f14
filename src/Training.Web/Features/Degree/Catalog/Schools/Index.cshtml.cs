using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Schools;

/// <summary>Partner schools (院校) with their programs; a new school is added here.</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public string? NewName { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, string Name, int Associate, int Bachelor);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var name = (NewName ?? "").Trim();
        if (await db.Schools.AnyAsync(s => s.Name == name, ct))
        {
            ModelState.AddModelError(nameof(NewName), CatalogTexts.SchoolExists(name));
            return this.Unprocessable();
        }
        if (name.Length > 100)
        {
            ModelState.AddModelError(nameof(NewName), CatalogTexts.SchoolNameTooLong);
            return this.Unprocessable();
        }
        var school = School.Create(name);
        db.Schools.Add(school);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.SchoolAddedAudit, school.Name, clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Schools/Details", new { id = school.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.Schools.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Name,
                db.Programs.Count(p => p.SchoolId == s.Id && p.Level == DegreeLevel.Associate),
                db.Programs.Count(p => p.SchoolId == s.Id && p.Level == DegreeLevel.Bachelor)))
            .ToListAsync(ct);
    }
}
