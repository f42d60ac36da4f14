using Training.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Home;

/// <summary>The home card of staff who manage accounts of the units below: how many staff accounts there are at its level and below.</summary>
public sealed class AccountsCard(TrainingDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (me.OrgPath is not { } path) return Content("");
        var accounts = await db.Users.AsNoTracking()
            .CountAsync(u => u.OrgUnit != null && OrgPaths.IsUnder(u.OrgUnit.Path, path), HttpContext.RequestAborted);
        return View("~/Features/People/Home/AccountsCard.cshtml", accounts);
    }
}
