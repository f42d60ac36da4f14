using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.MyData;

/// <summary>
/// /MyData/Sheet/{key}: one list of 我的数据 (任职, 学时, 登录与操作记录 …) 20 rows a page, the trainee's own rows only
/// (<see cref="MyDataSheets"/> reads each in the trainee's scope). An unknown list is not found.
/// </summary>
[Authorize(Policy = PeoplePermissions.OwnData)]
public sealed class SheetModel(MyDataSheets sheets) : PageModel
{
    public MyDataSheets.Sheet Sheet { get; private set; } = null!;

    public Paged<string[]> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, [FromQuery(Name = "p")] int pageNumber, CancellationToken ct)
    {
        if (await sheets.PageAsync(key, pageNumber, ct) is not { } page) return NotFound();
        (Sheet, Rows) = page;
        return this.PageOrFragment("_SheetRows");
    }

    public string PageUrl(int page) => Url.Page("/People/MyData/Sheet", page > 1 ? new { key = Sheet.Key, p = page } : new { key = Sheet.Key })!;
}
