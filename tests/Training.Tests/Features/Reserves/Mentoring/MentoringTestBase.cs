using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using static Training.Tests.Features.Reserves.Mentoring.MentoringPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>
/// 结对帮带 over the pages and the real SQLite fixture: the township pairs, evaluates and ends;
/// everyone of the scope sees, nobody else; the 90-day overdue list; two accounts at once.
/// Every test makes its own reserves, cadres and pairs.
/// </summary>
public abstract class MentoringTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    // ---------------------------------------------------------------- helpers

    protected static Dictionary<string, string> Fields(int reserveId, int mentorId, string goals = "熟悉村务") => new()
    {
        ["ReserveId"] = reserveId.ToString(),
        ["MentorId"] = mentorId.ToString(),
        ["StartOn"] = Today.ToString("yyyy-MM-dd"),
        ["EndOn"] = Today.AddYears(1).ToString("yyyy-MM-dd"),
        ["Goals"] = goals,
    };

    protected static async Task<string> TokenAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        return (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
    }

    /// <summary>403, 404, or the redirect to /Account/Denied that a refused role gets.</summary>
    protected static void AssertRefused(HttpResponseMessage response)
    {
        var denied = response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location?.ToString() ?? "").Contains("/Account/Denied", StringComparison.Ordinal);
        Assert.True(denied || response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            $"应拒绝，实际 {(int)response.StatusCode} {response.Headers.Location}");
    }
}
