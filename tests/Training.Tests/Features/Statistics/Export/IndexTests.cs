using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Statistics;
using Training.Web.Features.Statistics.Export;

namespace Training.Tests.Features.Statistics.Export;

/// <summary>The page /Statistics/Export.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ExportTestBase(appArg)
{
    [Fact]
    public async Task Should_send_the_file_with_its_chinese_name_and_audit_the_export()
    {
        var client = await app.SignInAsync("city");
        var before = await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "导出统计报表" && a.UserName == "city"));

        using var response = await client.PostFormAsync(Page, Page, Fields("440103", AsOf2019));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatisticsReport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Equal("attachment; filename*=UTF-8''" + Uri.EscapeDataString("培训统计_440103_20191231.xlsx"), disposition);
        Assert.Equal("培训统计_440103_20191231.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("分镇街统计", Xlsx.Read(await response.Content.ReadAsByteArrayAsync()).Sheets[1].Name);

        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Action == "导出统计报表" && a.UserName == "city")
            .OrderByDescending(a => a.Id).Select(a => new { a.Detail }).ToListAsync());
        Assert.Equal(before + 1, audit.Count);
        Assert.Contains("440103", audit[0].Detail);
        Assert.Contains("2019-12-31", audit[0].Detail);
        Assert.Contains("含完整身份证号", audit[0].Detail);
    }

    [Fact]
    public async Task Should_offer_the_city_and_every_district_to_city_admin_and_only_its_own_district_to_district_staff()
    {
        var city = await (await (await app.SignInAsync("city")).GetAsync(Page)).ReadHtmlAsync();
        var district = await (await (await app.SignInAsync("district-440111")).GetAsync(Page)).ReadHtmlAsync();

        var cityOptions = city.QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("440100", cityOptions[0]);
        Assert.Equal(12, cityOptions.Count);
        Assert.Equal(["440111"], district.QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(Today().ToString("yyyy-MM-dd"), city.QuerySelector("input[name=AsOf]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("440103")]
    [InlineData("440100")]
    [InlineData("440111103")]
    public async Task Should_not_find_a_scope_outside_district_staffs_own_district(string code)
    {
        var client = await app.SignInAsync("district-440111");

        using var response = await client.PostFormAsync(Page, Page, Fields(code, AsOf2019));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("township-440111103")]
    [InlineData("village-440111103201")]
    [InlineData("trainee-demo")]
    [InlineData("school-1")]
    public async Task Should_refuse_the_export_to_other_roles(string account)
    {
        var client = await app.SignInAsync(account);
        // A valid token from a page this account may open (the sign-out form on the home page).
        var home = await (await client.GetAsync("/")).ReadHtmlAsync();
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);

        using var response = await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>(Fields("440111", AsOf2019))
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(StatisticsReport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"expected refusal, got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Should_show_the_form_again_when_the_date_is_missing()
    {
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync(Page, Page, new Dictionary<string, string> { ["Scope"] = "440100", ["AsOf"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请选择统计截止日期", await response.TextAsync());
    }

    [Fact]
    public async Task Should_tell_wechat_users_to_open_the_page_in_the_system_browser()
    {
        var client = await app.SignInAsync("city");
        using var wechat = new HttpRequestMessage(HttpMethod.Get, Page);
        wechat.Headers.TryAddWithoutValidation("User-Agent",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN");

        var inWeChat = await (await client.SendAsync(wechat)).ReadHtmlAsync();
        var elsewhere = await (await client.GetAsync(Page)).ReadHtmlAsync();

        Assert.Contains("在浏览器中打开", inWeChat.QuerySelector("[data-testid=wechat-hint]")?.TextContent);
        Assert.Null(elsewhere.QuerySelector("[data-testid=wechat-hint]"));
    }
}
