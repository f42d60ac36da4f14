using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.People.Accounts;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Admin.Users;

/// <summary>Accounts the current user may manage, searched and paged (page and fragment on one URL).</summary>
[Authorize(Policy = PeoplePermissions.Accounts)]
public sealed class IndexModel(AccountRules rules, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Rows { get; private set; } = null!;

    public sealed record Row(string Id, string UserName, string DisplayName, string Role, string Scope, bool IsDisabled,
        bool MustChangePassword, DateTimeOffset? LockoutEnd);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = rules.ManageableUsers().AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        Task<Paged<Row>> PageAsync(CancellationToken ct) => query.OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.Role,
                u.OrgUnit != null ? u.OrgUnit.Name : u.School != null ? u.School.Name : u.Person != null ? u.Person.Village.Name : "",
                u.IsDisabled, u.MustChangePassword, u.LockoutEnd))
            .ToPagedAsync(PageNumber, ct);
        // Without a name to look for, each page is kept until an account (a sign-in failure or lockout included) or what a
        // row names is saved: the scope's accounts were sorted by role and name on every view.
        Rows = string.IsNullOrEmpty(q) ? await memo.GetAsync($"Accounts|{PageNumber}", Follows, PageAsync, ct) : await PageAsync(ct);
        return this.PageOrFragment("_Rows");
    }

    private static readonly Type[] Follows = [typeof(AppUser), typeof(OrgUnit), typeof(School), typeof(Person)];

    public string PageUrl(int page) =>
        Url.Page("/People/Admin/Users/Index", new { q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), p = page > 1 ? page : (int?)null })!;
}
