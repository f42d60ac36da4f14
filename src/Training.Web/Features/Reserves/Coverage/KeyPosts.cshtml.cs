using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Reserves.Coverage;

/// <summary>
/// 关键岗位数 per village (the denominator of the 1:2 rule), one township at a time: DistrictStaff
/// for the villages of its district, CityAdmin for any. Each row is its own small form; with htmx
/// only the row is swapped, without it the page comes back.
/// </summary>
[Authorize(Policy = ReservesPermissions.KeyPosts)]
public sealed class KeyPostsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public const int Max = OrgUnit.MaxKeyPosts;

    [BindProperty(SupportsGet = true)] public int? Township { get; set; }
    /// <summary>The village just saved (after the redirect of a form posted without JavaScript).</summary>
    [BindProperty(SupportsGet = true, Name = "saved")] public int? SavedVillage { get; set; }
    [BindProperty] public int VillageId { get; set; }
    [BindProperty] public string? Count { get; set; }

    public sealed record TownshipOption(int Id, string Name, string DistrictName);
    public sealed record Row(int Id, string Code, string Name, int KeyPosts)
    {
        public string? Error { get; init; }
        public string? Typed { get; init; }
        public bool Saved { get; init; }
    }

    public IReadOnlyList<TownshipOption> Townships { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadTownshipsAsync(ct);
        if (Township is not null && Townships.All(t => t.Id != Township)) return NotFound();
        Township ??= Townships.FirstOrDefault()?.Id;
        if (Township is not null) await LoadRowsAsync(Township.Value, ct);
        // The row just saved is marked (the message itself came as the one flash).
        if (Rows.FirstOrDefault(r => r.Id == SavedVillage) is { } saved)
            Rows = Rows.Select(r => r.Id == saved.Id ? r with { Saved = true } : r).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var village = await db.OrgUnits.InScope(me)
            .SingleOrDefaultAsync(u => u.Id == VillageId && u.Level == OrgLevel.Village, ct);
        if (village is null) return NotFound();

        string? error = null;
        var typed = Count?.Trim();
        if (string.IsNullOrEmpty(typed)) error = ReservesTexts.KeyPostsRequired;
        else if (!int.TryParse(typed, out var n) || n < 0 || n > Max) error = ReservesTexts.KeyPostsOutOfRange(Max);
        else if (n != village.KeyPosts)
        {
            var before = village.KeyPosts;
            village.SetKeyPosts(n);
            db.Audit.Add(new AuditEntry(me.UserName, ReservesTexts.KeyPostsAudit,
                ReservesTexts.KeyPostsChanged(village.Name, village.Code, before, n), clock.UtcNow()));
            await db.SaveChangesAsync(ct);
        }

        var row = new Row(village.Id, village.Code, village.Name, village.KeyPosts)
        {
            Error = error, Typed = error is null ? null : typed, Saved = error is null,
        };
        if (Request.IsHtmx())
        {
            var partial = Partial("_KeyPostRow", row);
            if (error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return partial;
        }
        if (error is null)
        {
            this.Flash(ReservesTexts.KeyPostsSaved(village.Name, village.KeyPosts));
            return RedirectToPage("/Reserves/Coverage/KeyPosts", null, new { township = village.ParentId, saved = village.Id }, $"kp-{village.Id}");
        }
        Township = village.ParentId;
        await LoadTownshipsAsync(ct);
        await LoadRowsAsync(village.ParentId!.Value, ct);
        Rows = Rows.Select(r => r.Id == row.Id ? row : r).ToList();
        return this.Unprocessable();
    }

    // The townships and a township's villages are kept until a unit is saved (a key post count included): two
    // queries a view were most of the page's time.
    private static readonly string[] Follows = DataStamps.SubjectsOf(typeof(OrgUnit));

    private async Task LoadTownshipsAsync(CancellationToken ct) =>
        Townships = await memo.GetAsync("KeyPostTownships", Follows, c => db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.Level == OrgLevel.Township)
            .OrderBy(u => u.Code)
            .Select(u => new TownshipOption(u.Id, u.Name, u.Parent!.Name))
            .ToListAsync(c), ct);

    private async Task LoadRowsAsync(int township, CancellationToken ct) =>
        Rows = await memo.GetAsync($"KeyPostRows|{township}", Follows, c => db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.ParentId == township && u.Level == OrgLevel.Village)
            .OrderBy(u => u.Code)
            .Select(u => new Row(u.Id, u.Code, u.Name, u.KeyPosts))
            .ToListAsync(c), ct);
}
