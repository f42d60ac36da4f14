using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Web.Features.Degree.Home;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Modules;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Home;

/// <summary>
/// Home: the cards the modules declare (<see cref="TrainingModule.HomeCards"/>, each a view component
/// in its module's Home/ folder), those the account's role holds the permission for, in their order.
/// Each card reads only what it shows; this page reads nothing itself.
/// </summary>
[Authorize(Policy = HomePermissions.Home)]
public sealed class IndexModel(ModuleCatalog catalog, CurrentUser me, TrainingDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<HomeCard> Cards { get; private set; } = [];

    /// <summary>
    /// Bound to nothing (no unit, person or school): nothing to show but whom to ask — except the separated duties, whose
    /// work is bound to no unit by design.
    /// </summary>
    public bool IsBound => me.OrgUnitId is not null || me.PersonId is not null || me.SchoolId is not null || RoleSets.Administrators.Contains(me.Role);

    public void OnGet() => Cards = IsBound ? catalog.HomeCardsFor(me.Role) : [];

    /// <summary>
    /// 全部标为已读 on the trainee's notifications card (Degree): its form posts here, so that
    /// <c>/?handler=Read</c> keeps working; the rule is the card's.
    /// </summary>
    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        await TraineeStudyCard.MarkReadAsync(db, me, clock.UtcNow(), id, ct);
        return RedirectToPage("/Home/Index");
    }
}
