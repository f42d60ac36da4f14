using System.Diagnostics;

namespace Training.Tests.CommandLine;

/// <summary>
/// Runs the built app as operators do: a real process, configured only through environment
/// variables, on a SQLite file of its own in <c>folder</c>, which is also the working folder.
/// </summary>
internal static class AppProcess
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string DbFile(string folder) => Path.Combine(folder, "training.db");

    public static async Task<Run> RunAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(AppDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Training"] = $"Data Source={DbFile(folder)}";
        start.Environment["Hangfire__SqliteFile"] = Path.Combine(folder, "hangfire.db");
        start.Environment["Keys__Folder"] = Path.Combine(folder, "keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The web app's own build output, same configuration as this test assembly.</summary>
    private static string AppDll()
    {
        var here = AppContext.BaseDirectory; // tests/Training.Tests/bin/<Config>/net10.0/
        var config = new DirectoryInfo(here).Parent!.Name;
        var root = here;
        while (!File.Exists(Path.Combine(root, "Training.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var dll = Path.Combine(root, "src", "Training.Web", "bin", config, "net10.0", "Training.Web.dll");
        Assert.True(File.Exists(dll), $"build the solution first: {dll} is missing");
        return dll;
    }
}
