using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Web.Features.People.Accounts;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Admin.Users;

/// <summary>Accounts the current user may manage, searched and paged (page and fragment on one URL).</summary>
[Authorize(Policy = PeoplePermissions.Accounts)]
public sealed class IndexModel(AccountRules rules) : PageModel
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
        Rows = await query.OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.Role,
                u.OrgUnit != null ? u.OrgUnit.Name : u.School != null ? u.School.Name : u.Person != null ? u.Person.Village.Name : "",
                u.IsDisabled, u.MustChangePassword, u.LockoutEnd))
            .ToPagedAsync(PageNumber, ct);
        return this.PageOrFragment("_Rows");
    }

    public string PageUrl(int page) =>
        Url.Page("/People/Admin/Users/Index", new { q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), p = page > 1 ? page : (int?)null })!;
}
