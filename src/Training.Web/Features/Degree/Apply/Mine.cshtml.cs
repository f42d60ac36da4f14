using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Apply;

/// <summary>我的报名: every application of the trainee, newest first, each with its steps and, once admitted, the tuition.</summary>
[Authorize(Policy = DegreePermissions.Apply)]
public sealed class MineModel(TrainingDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<Applications.View> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await Applications.ReadAsync(db.Enrollments.InScope(me), ct);
}
