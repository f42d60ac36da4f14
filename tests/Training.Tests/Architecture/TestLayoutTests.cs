namespace Training.Tests.Architecture;

/// <summary>
/// The tests mirror the code: a page's tests sit in the test folder named as its own, in a file
/// named after it (Features/Degree/Catalog/Cohorts/Create.cshtml → Features/Degree/Catalog/Cohorts/CreateTests.cs),
/// so the tests of a page are found where the page is, and a new page without tests fails here.
/// </summary>
public sealed class TestLayoutTests
{
    private static readonly string Src = Path.Combine(LayeringTests.RepositoryRoot(), "src", "Training.Web", "Features");
    private static readonly string Tests = Path.Combine(LayeringTests.RepositoryRoot(), "tests", "Training.Tests", "Features");

    [Fact]
    public void Every_page_has_a_test_file_of_its_own_in_the_mirrored_folder()
    {
        var pages = Directory.EnumerateFiles(Src, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).FirstOrDefault()?.TrimStart().StartsWith("@page", StringComparison.Ordinal) == true)
            .Select(f => Path.GetRelativePath(Src, f)[..^".cshtml".Length])
            .ToList();
        Assert.True(pages.Count > 50, $"only {pages.Count} pages found under {Src}");

        var missing = pages
            .Where(page => !HasTests(Path.Combine(Tests, page + "Tests.cs")))
            .Select(page => $"{page}.cshtml → tests/Training.Tests/Features/{page}Tests.cs")
            .ToList();

        Assert.True(missing.Count == 0, "pages without a test file of their own:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_test_folder_is_named_after_a_folder_of_the_code()
    {
        var strays = Directory.EnumerateDirectories(Tests, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Tests, d))
            .Where(d => !IsBuildOutput(d) && !Directory.Exists(Path.Combine(Src, d)))
            .ToList();

        Assert.True(strays.Count == 0, "test folders with no code folder of that name:\n" + string.Join("\n", strays));
    }

    private static bool HasTests(string file) =>
        File.Exists(file) && File.ReadLines(file).Any(line => line.TrimStart().StartsWith("[Fact", StringComparison.Ordinal)
                                                            || line.TrimStart().StartsWith("[Theory", StringComparison.Ordinal));

    private static bool IsBuildOutput(string folder) =>
        folder.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
