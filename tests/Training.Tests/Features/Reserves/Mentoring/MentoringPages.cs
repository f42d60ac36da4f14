using System.Net;
using AngleSharp.Html.Dom;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>The mentoring pages as a township uses them: a pair's forms as drawn, every row of a list.</summary>
internal static class MentoringPages
{
    public const string Village = Infrastructure.Builders.DemoAccounts.Village;
    public const string Township = Infrastructure.Builders.DemoAccounts.Township;
    public const string District = Infrastructure.Builders.DemoAccounts.District;
    public const string City = Infrastructure.Builders.DemoAccounts.City;
    public const string OtherTownship = Infrastructure.Builders.DemoAccounts.OtherTownship;
    public const string OtherDistrict = Infrastructure.Builders.DemoAccounts.OtherDistrict;
    public const string OwnVillage = Infrastructure.Builders.TestPeople.OwnVillage;

    public static DateOnly Today => Infrastructure.Builders.TestPeople.Today;

    /// <summary>A form of the pair's page (data-form="evaluate" or "end") as drawn.</summary>
    public static Task<DrawnForm> FormAsync(HttpClient client, int id, string form) =>
        client.DrawnFormAsync($"/Mentoring/Detail?id={id}", $"form[data-form={form}]");

    /// <summary>The ids of every row of the list at <paramref name="url"/>, following 下一页 to the end.</summary>
    public static async Task<List<(int Id, IHtmlTableRowElement Row)>> AllRowsAsync(HttpClient client, string url)
    {
        var rows = new List<(int, IHtmlTableRowElement)>();
        for (var page = 1; page < 500; page++)
        {
            var sep = url.Contains('?') ? "&" : "?";
            using var response = await client.GetAsync($"{url}{sep}p={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.ReadHtmlAsync();
            rows.AddRange(html.QuerySelectorAll("[data-testid=mentoring-rows] tbody tr").OfType<IHtmlTableRowElement>()
                .Select(r => (int.Parse(r.GetAttribute("data-id")!), r)));
            if (html.QuerySelector("nav.pager a[href*='p=" + (page + 1) + "']") is null) break;
        }
        return rows;
    }
}
