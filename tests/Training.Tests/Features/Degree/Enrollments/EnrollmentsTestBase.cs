using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Enrollments;

/// <summary>Tuition after admission (PRODUCT.md §5 "Tuition"): payments, owed/paid/outstanding, split adjustment, totals.</summary>
public abstract class EnrollmentsTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected static string DetailsUrl(int id) => $"/Enrollments/Details/{id}";

    protected static Dictionary<string, string> Payment(string amount, string paidOn = "2023-03-01", string receipt = "GZ-0001") => new()
    {
        ["Pay.Amount"] = amount,
        ["Pay.PaidOn"] = paidOn,
        ["Pay.Receipt"] = receipt,
    };

    /// <summary>Posts a form of the details page as the browser would: the token and the version come from the page.</summary>
    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string> fields)
    {
        var version = await VersionAsync(client, pageUrl);
        fields["Version"] = version;
        return await client.PostFormAsync(pageUrl, $"{pageUrl.Split('?')[0]}?handler={handler}", fields);
    }

    protected static async Task<string> VersionAsync(HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl);
        return (await page.ReadHtmlAsync()).QuerySelector("input[name=Version]")?.GetAttribute("value") ?? "";
    }

    protected static async Task<(string Owed, string Paid, string Outstanding)> TuitionRowAsync(HttpClient client, int id, string kind)
    {
        using var page = await client.GetAsync(DetailsUrl(id));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cells = (await page.ReadHtmlAsync()).QuerySelectorAll($"[data-testid=tuition] tr[data-kind={kind}] td").Select(c => c.TextContent.Trim()).ToList();
        return (cells[1], cells[2], cells[3]);
    }

    protected static List<string> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-enrollment-id]").Select(r => r.GetAttribute("data-enrollment-id") ?? "").ToList();

    protected Task<string> VillageOfAsync(string districtCode) =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith(districtCode)).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());

    protected sealed record Row(int Id, int Year, string Path, long SelfPaidFen, long SubsidyFen, long WaiverFen);

    protected static string Yuan(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The rows of a totals table: the first cell (district or year) → the figures.</summary>
    protected static Dictionary<string, string[]> Table(IHtmlDocument document, string testId) =>
        document.QuerySelectorAll($"[data-testid={testId}] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => cells[1..]);
}
