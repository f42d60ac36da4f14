using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Reserves.Coverage;

/// <summary>The page /Reserves/Coverage/KeyPosts.</summary>
[Collection(AppCollection.Name)]
public sealed class KeyPostsTests(AppFixture app)
{
    [Fact]
    public async Task District_staff_sets_the_key_posts_of_a_village_of_its_district_and_it_is_audited()
    {
        var (id, township, before) = await BaiyunVillageAsync();
        var client = await app.SignInAsync("district-440111");
        try
        {
            // Read first: the rows are kept, and the saved count must show all the same.
            using (var first = await client.GetAsync($"{Page}?township={township}")) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            using var response = await client.PostFormAsync($"{Page}?township={township}", Page,
                new Dictionary<string, string> { ["VillageId"] = id.ToString(), ["Count"] = "4" });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(4, await KeyPostsAsync(id));
            var audited = await app.WithDbAsync(db => db.Audit.AnyAsync(a =>
                a.UserName == "district-440111" && a.Action == "修改关键岗位数" && a.Detail.EndsWith($"：{before} → 4")));
            Assert.True(audited);
            var page = await (await client.GetAsync(response.Headers.Location!.OriginalString)).ReadHtmlAsync();
            Assert.Equal("4", page.QuerySelector($"#kp-{id} input[name=Count]")!.GetAttribute("value"));
            Assert.Contains("已保存", page.QuerySelector(".flash-ok")!.TextContent);
        }
        finally { await RestoreAsync(id, before); }
    }

    [Theory]
    [InlineData("21")]
    [InlineData("-1")]
    [InlineData("两个")]
    [InlineData("")]
    public async Task Key_posts_outside_0_to_20_are_refused_in_chinese_and_nothing_changes(string typed)
    {
        var (id, township, before) = await BaiyunVillageAsync();
        var client = await app.SignInAsync("district-440111");

        using var response = await client.PostFormAsync($"{Page}?township={township}", Page,
            new Dictionary<string, string> { ["VillageId"] = id.ToString(), ["Count"] = typed });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("关键岗位数", html.QuerySelector($"#kp-{id} .field-error")!.TextContent);
        Assert.Equal(before, await KeyPostsAsync(id));
    }

    [Fact]
    public async Task Another_districts_village_or_township_is_not_found()
    {
        var (shamianVillage, shamian) = await app.WithDbAsync(db => db.OrgUnits
            .Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith("440103001"))
            .Select(u => ValueTuple.Create(u.Id, u.ParentId!.Value)).FirstAsync());
        var before = await KeyPostsAsync(shamianVillage);
        var client = await app.SignInAsync("district-440111");

        using var post = await client.PostFormAsync(Page, Page,
            new Dictionary<string, string> { ["VillageId"] = shamianVillage.ToString(), ["Count"] = "5" });
        using var get = await client.GetAsync($"{Page}?township={shamian}");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(before, await KeyPostsAsync(shamianVillage));
    }

    [Fact]
    public async Task Township_staff_may_not_edit_key_posts()
    {
        var client = await app.SignInAsync("township-440111103");

        using var response = await client.GetAsync(Page);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_htmx_post_answers_the_row_only()
    {
        var (id, township, before) = await BaiyunVillageAsync();
        var client = await app.SignInAsync("city");
        try
        {
            var token = (await (await client.GetAsync($"{Page}?township={township}")).ReadHtmlAsync())
                .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var request = new HttpRequestMessage(HttpMethod.Post, Page)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["VillageId"] = id.ToString(), ["Count"] = "0",
                }),
            };
            request.Headers.Add("HX-Request", "true");

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"id=\"kp-{id}\"", body);
            Assert.Contains("已保存", body);
            Assert.Contains("__RequestVerificationToken", body);
            Assert.Equal(0, await KeyPostsAsync(id));
        }
        finally { await RestoreAsync(id, before); }
    }

    [Fact]
    public async Task A_village_with_zero_key_posts_shows_a_dash_not_an_error()
    {
        var (id, _, before) = await BaiyunVillageAsync();
        await RestoreAsync(id, 0);
        try
        {
            var client = await app.SignInAsync("city");
            using var response = await client.GetAsync($"/Reserves/Coverage?unit={id}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.ReadHtmlAsync();
            var cells = html.QuerySelectorAll("[data-testid=coverage-own] td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal("0", cells[1]);
            Assert.Equal("—", cells[4]);
            Assert.Equal("已达到 1:2", cells[5]);
            Assert.Equal("—", html.QuerySelectorAll("[data-testid=coverage-total] .stat-value").Last().TextContent.Trim());
        }
        finally { await RestoreAsync(id, before); }
    }

    private const string Page = "/Reserves/Coverage/KeyPosts";

    /// <summary>A village of 白云区 that no other test relies on: the last one by code; its key posts put back after the test.</summary>
    private Task<(int Id, int TownshipId, int KeyPosts)> BaiyunVillageAsync() =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith("440111"))
            .OrderByDescending(u => u.Code).Select(u => ValueTuple.Create(u.Id, u.ParentId!.Value, u.KeyPosts)).FirstAsync());

    private Task<int> KeyPostsAsync(int id) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Id == id).Select(u => u.KeyPosts).SingleAsync());

    private async Task RestoreAsync(int id, int keyPosts) => await app.WithDbAsync(async db =>
    {
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == id);
        unit.SetKeyPosts(keyPosts);
        return await db.SaveChangesAsync();
    });
}
