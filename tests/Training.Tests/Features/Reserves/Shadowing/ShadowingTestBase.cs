using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Shadowing;

/// <summary>
/// 跟班学习 over the pages and the real SQLite fixture: the township records and evaluates its
/// reserves' periods; village and district only read; another township's or district's record
/// is not found; a stale evaluation is told (409); refused input comes back as typed (422).
/// </summary>
public abstract class ShadowingTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string Township = DemoAccounts.Township;
    protected const string Village = "village-440111103201";
    protected const string District = "district-440111";
    protected static DateOnly Today => TestPeople.Today;

    // ---------------------------------------------------------------- helpers

    /// <summary>A reserve pooled 60 days ago with a period over yesterday; returns the reserve's name.</summary>
    protected async Task<string> EndedAsync(Rating? rating)
    {
        var (reserveId, name) = await app.ReserveAsync(on: Today.AddDays(-60));
        await app.ShadowingAsync(reserveId, Today.AddDays(-50), Today.AddDays(-1), rating: rating);
        return name;
    }

    /// <summary>Reserve name → the 评价 cell, for every row of the list at <paramref name="url"/>.</summary>
    protected static async Task<Dictionary<string, string>> ListAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await page.ReadHtmlAsync()).QuerySelectorAll("[data-testid=shadowing-rows] tbody tr")
            .ToDictionary(r => r.QuerySelector("td[data-label=后备人选]")!.TextContent.Trim(),
                r => r.QuerySelector("td[data-label=评价]")!.TextContent.Trim());
    }

    protected static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    protected static Dictionary<string, string> Fields(int reserveId, string department, DateOnly start, DateOnly end) => new()
    {
        ["ReserveId"] = reserveId.ToString(), ["Department"] = department, ["StartOn"] = Date(start), ["EndOn"] = Date(end),
    };

    protected static void AssertKept(AngleSharp.Dom.IDocument html, int reserveId, string department, string start, string end)
    {
        Assert.Equal(reserveId.ToString(), html.QuerySelector("select[name=ReserveId] option[selected]")?.GetAttribute("value"));
        Assert.Equal(department, html.QuerySelector("input[name=Department]")?.GetAttribute("value"));
        Assert.Equal(start, html.QuerySelector("input[name=StartOn]")?.GetAttribute("value"));
        Assert.Equal(end, html.QuerySelector("input[name=EndOn]")?.GetAttribute("value"));
    }


    protected static Task<DrawnForm> EvaluationFormAsync(HttpClient client, int id) =>
        client.DrawnFormAsync($"/Shadowing/Detail?id={id}", "form[data-testid=evaluation-form]");
}
