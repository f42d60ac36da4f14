using System.Text.RegularExpressions;

namespace Training.Tests.Http;

/// <summary>
/// The links a signed-in account follows, breadth first, a few of each shape (<c>/Classes/Details/12</c> and
/// <c>/Classes/Details/13</c> are one): for the input fuzz (pages and their forms) and the endpoint enumeration's
/// replay of one unit's links as another unit (downloads too).
/// </summary>
internal sealed partial class LinkWalk(bool pagesOnly)
{
    private readonly Queue<string> _queue = new();
    private readonly Dictionary<string, int> _shapes = [];
    private readonly HashSet<string> _forms = [];

    private const int PerShape = 3;

    public int Visited { get; private set; }

    public void Enqueue(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return;
        var path = href.Split('#')[0];
        if (Never().IsMatch(path) || (pagesOnly && Downloads().IsMatch(path))) return;
        // A few of each shape: the first record of a list may not show every form (a decided application has no 同意).
        var shape = Shape(path);
        var seen = _shapes.GetValueOrDefault(shape);
        if (seen >= PerShape) return;
        _shapes[shape] = seen + 1;
        _queue.Enqueue(path);
    }

    public string? Next()
    {
        if (_queue.Count == 0) return null;
        Visited++;
        return _queue.Dequeue();
    }

    public bool FirstForm(string target, bool post) => _forms.Add((post ? "POST " : "GET ") + Shape(target));

    /// <summary>Numbers become #, query values are dropped: /Classes/Details/12?tab=2 and /Classes/Details/13?tab=5 are one shape.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = Digits().Replace(parts[0], "#");
        var keys = parts.Length > 1 ? string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0].ToLowerInvariant()).Order()) : "";
        return path.ToLowerInvariant() + "?" + keys;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // Sign-out would end the walk; the dashboard and health are not the portal's pages.
    [GeneratedRegex(@"^/(Account/Logout|hangfire|health)", RegexOptions.IgnoreCase)]
    private static partial Regex Never();

    [GeneratedRegex(@"^/(Exports/Download|Import/Errors)", RegexOptions.IgnoreCase)]
    private static partial Regex Downloads();
}
