using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning;

/// <summary>
/// 年度学时目标 (LEARNING.md §5): CityAdmin sets, for a year, the hours each category of people owes
/// and how many of them are 必修; the national defaults (两委干部 56, 后备干部 50, 党员 32, half 必修)
/// stand until it does. A person in several categories owes the highest.
/// </summary>
[Authorize(Policy = LearningPermissions.Targets)]
public sealed class TargetsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Per category: the hours and the 必修 hours as typed.</summary>
    [BindProperty] public Dictionary<TargetCategory, string?> Hours { get; set; } = [];
    [BindProperty] public Dictionary<TargetCategory, string?> Required { get; set; } = [];

    public IReadOnlyList<StudyTarget> Current { get; private set; } = [];
    public IReadOnlySet<TargetCategory> SetByCity { get; private set; } = new HashSet<TargetCategory>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var t in Current)
        {
            Hours[t.Category] = LearningNames.HoursText(t.Hours);
            Required[t.Category] = LearningNames.HoursText(t.RequiredHours);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var typed = new Dictionary<TargetCategory, (decimal Hours, decimal Required)>();
        foreach (var category in Enum.GetValues<TargetCategory>())
        {
            var hours = ModelState.Hours($"Hours[{category}]", Hours.GetValueOrDefault(category), LearningTexts.TargetHours);
            var required = ModelState.Hours($"Required[{category}]", Required.GetValueOrDefault(category), LearningTexts.TargetRequired);
            if (hours is { } h && required is { } r) typed[category] = (h, r);
        }
        if (!ModelState.IsValid) return this.Unprocessable();
        var year = Year!.Value;
        var stored = await db.StudyTargets.Where(t => t.Year == year).ToListAsync(ct);
        var result = await db.ActAsync(() =>
        {
            foreach (var (category, (hours, required)) in typed)
            {
                if (stored.FirstOrDefault(t => t.Category == category) is { } t) t.Change(hours, required);
                else db.StudyTargets.Add(StudyTarget.Set(year, category, hours, required));
            }
            db.Audit.Add(new AuditEntry(me.UserName, LearningTexts.TargetsAudit,
                LearningTexts.TargetsDetail(year, typed.Select(x => LearningTexts.TargetLine(x.Key.Name(), x.Value.Hours, x.Value.Required))), clock.UtcNow()));
            return LearningTexts.TargetsSaved(year);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { Year = year }), () => Task.CompletedTask, fieldPrefix: null);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var thisYear = clock.Today().Year;
        Year = Year is { } y && y >= thisYear - 5 && y <= thisYear + 1 ? y : thisYear;
        var set = await db.StudyTargets.AsNoTracking().Where(t => t.Year == Year).ToListAsync(ct);
        SetByCity = set.Select(t => t.Category).ToHashSet();
        Current = StudyTarget.ForYear(Year.Value, set);
    }
}
