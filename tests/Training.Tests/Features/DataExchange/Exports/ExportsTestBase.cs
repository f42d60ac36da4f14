using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Exports;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Exports;

/// <summary>/Exports and /Exports/Download over HTTP: who may export what, masking decided at request time, the audit, polling, and downloads of one's own files only.</summary>
public abstract class ExportsTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string Page = "/Exports";

    protected static Dictionary<string, string> Form(ExportKind kind, string scope) => new() { ["Kind"] = kind.ToString(), ["Scope"] = scope };

    protected async Task<int> LatestRunIdAsync(string userName) =>
        await app.WithDbAsync(db => db.ExportRuns.Where(r => r.RequestedBy == userName).MaxAsync(r => (int?)r.Id)) ?? 0;

    /// <summary>The job runs in the app's own Hangfire server.</summary>
    protected async Task<ExportRun> FinishedAsync(int runId)
    {
        for (var i = 0; i < 300; i++)
        {
            var run = await app.ExportRunOfAsync(runId);
            if (run.State.IsFinished()) return run;
            await Task.Delay(200);
        }
        throw new TimeoutException($"导出 {runId} 60 秒内没有完成。");
    }

    protected static async Task<HttpResponseMessage> HtmxPostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        using var page = await client.GetAsync(Page);
        var token = (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, Page)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }
}
