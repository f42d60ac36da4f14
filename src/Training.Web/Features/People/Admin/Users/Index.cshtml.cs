using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Web.Features.People.Accounts;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Admin.Users;

/// <summary>Accounts the current user may manage, searched and paged (page and fragment on one URL).</summary>
[Authorize(Policy = PeoplePermissions.Accounts)]
public sealed class IndexModel(AccountRules rules) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(string Id, string UserName, string DisplayName, string Role, string Scope, bool IsDisabled,
        bool MustChangePassword, DateTimeOffset? LockoutEnd);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = rules.ManageableUsers().AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.Role,
                u.OrgUnit != null ? u.OrgUnit.Name : u.School != null ? u.School.Name : u.Person != null ? u.Person.Village.Name : "",
                u.IsDisabled, u.MustChangePassword, u.LockoutEnd))
            .ToListAsync(ct);
        return this.PageOrFragment("_Rows");
    }

    public string PageUrl(int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        if (page > 1) parts.Add("p=" + page);
        return "/Admin/Users" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
