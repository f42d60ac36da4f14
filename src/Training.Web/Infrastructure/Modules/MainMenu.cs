using System.Collections.Concurrent;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure.Modules;

/// <summary>
/// The menu of the signed-in account for the current request, built from the modules' entries
/// and filtered by the same permissions the pages require: what the layout draws (all entries
/// on a wide screen; on a phone the bottom bar and 全部功能).
/// </summary>
public sealed class MainMenu(ModuleCatalog catalog, CurrentUser me, LinkGenerator links, IHttpContextAccessor http)
{
    public sealed record Item(string Title, string Url, bool Primary, bool IsCurrent);

    private IReadOnlyList<Item>? _items;

    public IReadOnlyList<Item> Items => _items ??= Build();

    /// <summary>The bottom bar of a phone: the role's main jobs, one tap away.</summary>
    public IReadOnlyList<Item> PhoneBar => Items.Where(i => i.Primary).Take(ModuleCatalog.PhoneBarSize).ToList();

    /// <summary>Home is the current section on the home page.</summary>
    public bool HomeIsCurrent => http.HttpContext?.Request.Path.Value is "/" or "" or null;

    /// <summary>全部功能 is the current section on its own page and on any section not in the phone's bar.</summary>
    public bool AllIsCurrent(string allUrl) =>
        string.Equals(http.HttpContext?.Request.Path.Value, allUrl, StringComparison.OrdinalIgnoreCase)
        || Items.Any(i => i.IsCurrent && !PhoneBar.Contains(i));

    /// <summary>
    /// The path of each entry without route values, asked of routing once per process: it is the same for every account
    /// and request (no ambient values, no path base), and asking for the fifteen of a district's menu on every page was
    /// 2% of a page's CPU under load.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string?> PlainPaths = new();

    private string? PathOf(MenuEntry e) => e.RouteValues is { } values
        ? links.GetPathByPage(e.Page, handler: null, values: values(me))
        : PlainPaths.GetOrAdd(e.Page, page => links.GetPathByPage(page, handler: null, values: null));

    private List<Item> Build()
    {
        var entries = catalog.MenuFor(me.Role)
            .Select(e => (Entry: e, Url: PathOf(e)))
            .Where(x => x.Url is not null)
            .ToList();
        // The current section: the entry whose URL is the longest prefix of the page being shown
        // (/Reserves/Detail marks 后备干部; /Classes/Mine marks 我的培训班, not 培训班).
        var path = http.HttpContext?.Request.Path.Value ?? "";
        var current = entries
            .Select(x => x.Url!)
            .Where(url => url.Length > 1 && (path.Equals(url, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(url + "/", StringComparison.OrdinalIgnoreCase)))
            .MaxBy(url => url.Length);
        return entries.Select(x => new Item(x.Entry.Title, x.Url!, x.Entry.Primary, x.Url == current)).ToList();
    }
}
