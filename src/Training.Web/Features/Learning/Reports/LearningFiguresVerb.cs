using System.Diagnostics;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// <c>learning-figures</c>: the nightly job's rebuild of the 学时 aggregates, run now (after a repair by hand,
/// and by the benchmark, which times it). Takes no options.
/// </summary>
public static class LearningFiguresVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] options)
    {
        if (options.Length > 0) throw new CommandLineException(ReportTexts.VerbUsage);
        await using var scope = services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var rows = await scope.ServiceProvider.GetRequiredService<LearningFiguresJob>().RunAsync(CancellationToken.None);
        Console.WriteLine(ReportTexts.Rebuilt(rows, watch.Elapsed.TotalSeconds));
        return 0;
    }
}
