using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Reserves.Coverage;

/// <summary>The page /Reserves/Coverage.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Township_list_agrees_with_a_plain_computation_of_the_demo_data()
    {
        var plain = await PlainAsync("440111103");
        var expected = plain.Where(v => !v.Meets)
            .OrderBy(v => v.Value ?? decimal.MaxValue).ThenBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => new[] { v.Code, v.KeyPosts.ToString(), v.Secretary.ToString(), v.Other.ToString(), v.Percent, v.Lacking })
            .ToList();
        var client = await app.SignInAsync("township-440111103");

        using var response = await client.GetAsync("/Reserves/Coverage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        var actual = html.QuerySelectorAll("[data-testid=coverage-below] tbody tr")
            .Select(tr => new[] { tr.GetAttribute("data-village-code")! }
                .Concat(tr.QuerySelectorAll("td").Skip(2).Select(td => td.TextContent.Trim())).ToArray())
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        var total = html.QuerySelectorAll("[data-testid=coverage-total] .stat-value").Select(e => e.TextContent.Trim()).ToArray();
        Assert.Equal(new[]
        {
            plain.Count.ToString(), plain.Count(v => v.Meets).ToString(), plain.Sum(v => v.Reserves).ToString(),
            plain.Sum(v => v.KeyPosts).ToString(), Percent(plain.Sum(v => v.Reserves), 2 * plain.Sum(v => v.KeyPosts)),
        }, total);
    }

    [Fact]
    public async Task Should_count_a_reserve_taken_into_the_pool_and_a_key_post_changed_at_once_after_the_page_was_read()
    {
        var selected = await app.CandidateAsync(TestPeople.OwnVillage, ReserveState.Selected);
        var township = await app.SignInAsync("township-440111103");
        var before = await TotalAsync(township);

        await app.WithDbAsync(async db =>
        {
            (await db.Reserves.SingleAsync(r => r.Id == selected)).PutInPool("test-district", null, TestPeople.Today, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var afterPool = await TotalAsync(township);
        var village = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == TestPeople.OwnVillage));
        try
        {
            await app.WithDbAsync(async db =>
            {
                (await db.OrgUnits.SingleAsync(u => u.Id == village.Id)).SetKeyPosts(village.KeyPosts + 1);
                return await db.SaveChangesAsync();
            });
            var afterKeyPost = await TotalAsync(township);

            Assert.Equal(before[2] + 1, afterPool[2]);
            Assert.Equal(afterPool[3] + 1, afterKeyPost[3]);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.OrgUnits.SingleAsync(u => u.Id == village.Id)).SetKeyPosts(village.KeyPosts);
                return await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>The total line's figures as numbers: villages, meeting, reserves, key posts.</summary>
    private static async Task<int[]> TotalAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/Reserves/Coverage");
        var html = await response.ReadHtmlAsync();
        return html.QuerySelectorAll("[data-testid=coverage-total] .stat-value").Take(4)
            .Select(e => int.Parse(e.TextContent.Trim().Replace(",", ""), CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public async Task District_summary_per_township_agrees_with_a_plain_computation_of_the_demo_data()
    {
        var plain = await PlainAsync("440111");
        var townships = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Parent!.Code == "440111")
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync());
        var expected = townships.Select(t =>
        {
            var vs = plain.Where(v => v.TownshipId == t.Id).ToList();
            return new[]
            {
                t.Name, vs.Count.ToString(), vs.Count(v => v.Meets).ToString(), vs.Sum(v => v.Reserves).ToString(),
                vs.Sum(v => v.KeyPosts).ToString(), Percent(vs.Sum(v => v.Reserves), 2 * vs.Sum(v => v.KeyPosts)),
            };
        }).ToList();
        var client = await app.SignInAsync("district-440111");

        using var response = await client.GetAsync("/Reserves/Coverage");

        var html = await response.ReadHtmlAsync();
        Assert.Equal(expected, Cells(html, "coverage-breakdown").ToList());
        Assert.Contains($"共 {plain.Count(v => !v.Meets)} 个村（社区）未达到 1:2", html.Body!.TextContent);
    }

    [Fact]
    public async Task City_sees_the_summary_per_district_and_drills_into_one()
    {
        var client = await app.SignInAsync("city");
        var baiyun = await UnitIdAsync("440111");

        var city = await (await client.GetAsync("/Reserves/Coverage")).ReadHtmlAsync();
        var drilled = await (await client.GetAsync($"/Reserves/Coverage?unit={baiyun}")).ReadHtmlAsync();

        Assert.Equal(11, city.QuerySelectorAll("[data-testid=coverage-breakdown] tbody tr").Length);
        Assert.Null(city.QuerySelector("[data-testid=coverage-below]"));
        var townshipCount = await app.WithDbAsync(db => db.OrgUnits.CountAsync(u => u.ParentId == baiyun));
        Assert.Equal(townshipCount, drilled.QuerySelectorAll("[data-testid=coverage-breakdown] tbody tr").Length);
        Assert.NotNull(drilled.QuerySelector("#villages"));
    }

    [Fact]
    public async Task Village_staff_sees_its_own_village_line()
    {
        var plain = (await PlainAsync("440111103201")).Single();
        var client = await app.SignInAsync("village-440111103201");

        var html = await (await client.GetAsync("/Reserves/Coverage")).ReadHtmlAsync();

        var row = Cells(html, "coverage-own").Single();
        Assert.Equal(plain.Percent, row[4]);
        Assert.Equal(plain.Meets ? "已达到 1:2" : plain.Lacking, row[5]);
        Assert.Null(html.QuerySelector("[data-testid=coverage-breakdown]"));
    }

    [Fact]
    public async Task A_unit_or_township_outside_the_scope_is_not_found()
    {
        var liwan = await UnitIdAsync("440103");
        var shamian = await UnitIdAsync("440103001");
        var village = await UnitIdAsync("440111103201");
        var township = await app.SignInAsync("township-440111103");
        var district = await app.SignInAsync("district-440111");

        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/Reserves/Coverage?unit={liwan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/Reserves/Coverage?unit={shamian}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/Reserves/Coverage?township={shamian}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/Reserves/Coverage?unit={village}")).StatusCode);
    }

    [Fact]
    public async Task The_htmx_filter_answers_the_village_list_only_and_varies_by_hx_request()
    {
        var client = await app.SignInAsync("district-440111");
        var renhe = await UnitIdAsync("440111103");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Reserves/Coverage?township={renhe}&target=secretary");
        request.Headers.Add("HX-Request", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        var plain = await PlainAsync("440111103");
        var expected = plain.Where(v => v.LackSecretary > 0)
            .OrderBy(v => v.Value ?? decimal.MaxValue).ThenBy(v => v.Code, StringComparer.Ordinal).Select(v => v.Code).ToList();
        var codes = Html.Parse(body).QuerySelectorAll("tr[data-village-code]").Select(tr => tr.GetAttribute("data-village-code")!).ToList();
        Assert.Equal(expected, codes);
        Assert.All(Html.Parse(body).QuerySelectorAll("[data-testid=lacking]"), td => Assert.Contains("书记后备缺", td.TextContent));
    }

    [Fact]
    public async Task The_search_box_narrows_the_village_list()
    {
        var client = await app.SignInAsync("township-440111103");
        var plain = await PlainAsync("440111103");
        var one = plain.Where(v => !v.Meets).OrderBy(v => v.Code).First();

        var html = await (await client.GetAsync($"/Reserves/Coverage?q={one.Code}")).ReadHtmlAsync();

        var codes = html.QuerySelectorAll("[data-testid=coverage-below] tr[data-village-code]").Select(tr => tr.GetAttribute("data-village-code")!).ToList();
        Assert.Equal([one.Code], codes);
    }

    [Fact]
    public async Task With_all_the_township_sees_every_village_those_below_first()
    {
        var plain = await PlainAsync("440111103");
        var expected = plain.OrderBy(v => v.Meets).ThenBy(v => v.Value ?? decimal.MaxValue).ThenBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => v.Code + " " + (v.Meets ? "已达到 1:2" : v.Lacking)).ToList();
        var client = await app.SignInAsync("township-440111103");

        var html = await (await client.GetAsync("/Reserves/Coverage?all=true")).ReadHtmlAsync();

        var actual = html.QuerySelectorAll("[data-testid=coverage-below] tr[data-village-code]")
            .Select(tr => tr.GetAttribute("data-village-code") + " " + tr.QuerySelector("[data-testid=lacking]")!.TextContent.Trim()).ToList();
        Assert.Contains(plain, v => v.Meets);
        Assert.Equal(expected, actual);
    }

    private sealed record Plain(int Id, string Code, int TownshipId, int KeyPosts, int Secretary, int Other)
    {
        public int Reserves => Secretary + Other;
        public int LackSecretary => KeyPosts >= 1 ? Math.Max(0, 2 - Secretary) : 0;
        public int LackOther => KeyPosts >= 1 ? Math.Max(0, 2 * (KeyPosts - 1) - Other - Math.Max(0, Secretary - 2)) : 0;
        public bool Meets => LackSecretary == 0 && LackOther == 0;
        public decimal? Value => KeyPosts == 0 ? null : (decimal)Reserves / (2 * KeyPosts);
        public string Percent => Value is { } v ? (Math.Round(100 * v, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
        public string Lacking => string.Join("、", new[]
        {
            LackSecretary > 0 ? $"书记后备缺{LackSecretary}人" : null,
            LackOther > 0 ? $"两委后备缺{LackOther}人" : null,
        }.Where(s => s is not null));
    }

    private async Task<List<Plain>> PlainAsync(string code)
    {
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        return await app.WithDbAsync(async db =>
        {
            var path = await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Path).SingleAsync();
            var villages = await db.OrgUnits.AsNoTracking()
                .Where(u => u.Level == OrgLevel.Village && u.Path.StartsWith(path))
                .Select(u => new { u.Id, u.Code, u.ParentId, u.KeyPosts }).ToListAsync();
            var reserves = await db.Reserves.AsNoTracking()
                .Where(r => r.Village.Path.StartsWith(path))
                .Select(r => new { r.VillageId, r.Target, r.InPoolOn, r.LeftPoolOn }).ToListAsync();
            var inPool = reserves.Where(r => r.InPoolOn != null && r.InPoolOn <= today && (r.LeftPoolOn == null || r.LeftPoolOn > today)).ToList();
            return villages.Select(v => new Plain(v.Id, v.Code, v.ParentId!.Value, v.KeyPosts,
                    inPool.Count(r => r.VillageId == v.Id && r.Target == ReserveTarget.Secretary),
                    inPool.Count(r => r.VillageId == v.Id && r.Target == ReserveTarget.TwoCommittee)))
                .ToList();
        });
    }

    private Task<int> UnitIdAsync(string code) =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static IEnumerable<string[]> Cells(AngleSharp.Dom.IParentNode html, string testId) =>
        html.QuerySelectorAll($"[data-testid={testId}] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());

    private static string Percent(long part, long whole) =>
        whole == 0 ? "—" : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
