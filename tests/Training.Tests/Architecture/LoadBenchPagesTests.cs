using Training.Tests.Http;

namespace Training.Tests.Architecture;

/// <summary>
/// The load benchmark (bench/load.sh, issue 15) loads every page the page walk GETs: a page added to
/// <see cref="PageWalkTests.Table"/> fails here until bench/load-pages.txt says which account loads it.
/// </summary>
public sealed class LoadBenchPagesTests
{
    private static IReadOnlyList<(string Account, string Path, string? Flag)> Lines() =>
        File.ReadAllLines(Path.Combine(LayeringTests.RepositoryRoot(), "bench", "load-pages.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], p[1], p.Length > 2 ? p[2] : null))
            .ToList();

    [Fact]
    public void Every_page_the_walk_gets_is_loaded_by_the_benchmark()
    {
        var loaded = Lines().Select(l => l.Path.Split('?')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = PageWalkTests.Table.Where(r => r.IsPage && r.Walk == PageWalkTests.Walk.Get && !loaded.Contains(r.Route)).Select(r => r.Route).ToList();

        Assert.True(missing.Count == 0, "bench/load-pages.txt 缺少这些页面（写明由哪个演示账号压测）：\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_line_names_a_demo_account_and_a_path()
    {
        var accounts = ((IEnumerable<object[]>)PageWalkTests.Accounts).Select(a => (string)a[0]).ToHashSet();

        Assert.All(Lines(), l =>
        {
            Assert.Contains(l.Account, accounts);
            Assert.StartsWith("/", l.Path);
            Assert.True(l.Flag is null or "limited", $"bench/load-pages.txt: 第三项只能是 limited：{l.Account} {l.Path} {l.Flag}");
        });
    }
}
