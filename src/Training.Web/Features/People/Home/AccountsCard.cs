using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.People.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.People.Home;

/// <summary>The home card of those who manage accounts: how many accounts they manage, as 账号管理 lists them.</summary>
public sealed class AccountsCard(AccountRules rules, FiguresMemo memo) : ViewComponent
{
    /// <summary>An account added, changed or removed, a unit moved or a person moved to another village changes the count.</summary>
    private static readonly Type[] Follows = [typeof(AppUser), typeof(OrgUnit), typeof(Person)];

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Kept between requests: counting reads every unit under the account's path (30,302 for the city at province
        // scale, 4 ms a home page), however few the accounts.
        var accounts = await memo.GetAsync("AccountsCard", Follows,
            ct => rules.ManageableUsers().AsNoTracking().CountAsync(ct), HttpContext.RequestAborted);
        return View("~/Features/People/Home/AccountsCard.cshtml", accounts);
    }
}
